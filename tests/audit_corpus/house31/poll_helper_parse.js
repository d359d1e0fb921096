// Polls a render through a small helper that returns the parsed answer.
const KEY = process.env.AKOOL_API_KEY;

async function getJson(url) {
  const r = await fetch(url, { headers: { "x-api-key": KEY } });
  return r.json();
}

export async function waitForVideo(id) {
  const ans = await getJson("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id);
  if (ans.code !== 0) throw new Error(ans.msg);
  return ans.data.video;
}
