const API = "https://openapi.akool.com/api/open/v3";

export async function once(key, id) {
  const data = (await (await fetch(`${API}/content/video/infobymodelid?video_model_id=${id}`, {
    headers: { "x-api-key": key } })).json()).data;
  if (data.video_status === "3") return data.video;
  const payload = {
    id: 1,
    body: data["data"]
  };
  if (payload.video_status === "3") return payload;
  return null;
}
