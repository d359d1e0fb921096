using System.Collections;
using System.Text;
using UnityEngine;
using UnityEngine.Networking;

public class AkoolUnity : MonoBehaviour
{
    const string Base = "https://openapi.akool.com/api/open/v4";

    IEnumerator StartSession(string avatarId)
    {
        string json = "{\"avatar_id\": \"" + avatarId + "\", \"duration\": 600, \"stream_type\": \"webrtc\"}";
        using (var req = new UnityWebRequest(Base + "/liveAvatar/session/create", "POST"))
        {
            req.uploadHandler = new UploadHandlerRaw(Encoding.UTF8.GetBytes(json));
            req.downloadHandler = new DownloadHandlerBuffer();
            req.SetRequestHeader("x-api-key", apiKey);
            req.SetRequestHeader("Content-Type", "application/json");
            yield return req.SendWebRequest();
        }
    }
    public string apiKey;
}
