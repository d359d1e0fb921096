const BASE = "https://openapi.akool.com/api/open/v3";
export async function info(id) {
  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);
  const data = await res.json();
  return download(data.data.video).catch((data) => ({ error: data.message }));
}
export async function info2(id) {
  let result;
  try {
    result = await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`)).json();
    return result.data.video;
  } catch (result) {
    return result.message;
  }
}
async function download() {}
