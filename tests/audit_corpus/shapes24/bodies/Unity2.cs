using System.Collections;
using System.Text;
using UnityEngine;
using UnityEngine.Networking;

public class AkoolTalk : MonoBehaviour
{
    private const string BaseUrl = "https://openapi.akool.com/api/open/v3";
    public string apiKey;

    IEnumerator CreateVideo(string photo, string audio)
    {
        string json = "{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"720p\"}";
        byte[] bodyRaw = Encoding.UTF8.GetBytes(json);
        UnityWebRequest request = new UnityWebRequest(BaseUrl + "/content/video/createbytalkingphoto", UnityWebRequest.kHttpVerbPOST);
        request.uploadHandler = new UploadHandlerRaw(bodyRaw);
        request.downloadHandler = new DownloadHandlerBuffer();
        request.SetRequestHeader("Content-Type", "application/json");
        request.SetRequestHeader("x-api-key", apiKey);
        yield return request.SendWebRequest();
    }

    IEnumerator CreateVideo2(string photo, string audio)
    {
        string json = "{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"4k\"}";
        using (UnityWebRequest www = UnityWebRequest.Post(BaseUrl + "/content/video/createbytalkingphoto", json, "application/json"))
        {
            www.SetRequestHeader("x-api-key", apiKey);
            yield return www.SendWebRequest();
        }
    }

    IEnumerator Good(string photo, string audio)
    {
        string json = "{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"1080\"}";
        var req = new UnityWebRequest(BaseUrl + "/content/video/createbytalkingphoto", "POST");
        req.uploadHandler = new UploadHandlerRaw(Encoding.UTF8.GetBytes(json));
        yield return req.SendWebRequest();
    }
}
