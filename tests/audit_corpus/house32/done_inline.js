const API = "https://openapi.akool.com/api/open/v3";

export async function once(key, id) {
  const r = await fetch(`${API}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": key } });
  const { data } = await r.json();
  if ([3, 4].includes(data.video_status)) return data.video;
  if ([2, 3].includes(data.video_status)) return data.video;
  return null;
}
