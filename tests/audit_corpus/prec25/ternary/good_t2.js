const BASE = "https://openapi.akool.com/api/open/v3";
export async function f(id) {
  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);
  const json = await r.json();
  const data = json.data;
  const d = data;
  return d.video_status === 3 ? d.video : null;
}
