const BASE = "https://openapi.akool.com/api/open/v3";
export async function a(id) {
  const j = await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`)).json();
  if (j.code !== 1000) throw new Error(j.msg);
  return j.data;
}
export async function other() {
  const j = await (await fetch("https://api.other.com/v2/info")).json();
  if (j.code !== 0) throw new Error(j.message);
  return j.data;
}
