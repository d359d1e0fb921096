const BASE = "https://openapi.akool.com/api/open/v3";
export async function info2(id) {
  let result;
  try {
    result = await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`)).json();
    return result.data.status;
  } catch (err) {
    console.error(result.message, err.message);
    throw err;
  }
}
