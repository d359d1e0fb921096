const BASE = "https://openapi.akool.com/api/open/v3";

async function imageResultGood(id) {
  const url = new URL(`${BASE}/content/image/infobymodelid`);
  url.searchParams.set("image_model_id", id);
  const r = await fetch(url, { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  return (await r.json()).data;
}

module.exports = { imageResultGood };

async function videoInfo(id) {
  const other = new URL("https://example.com/track");
  other.searchParams.set("videoModelId", id);
  const url = new URL(`${BASE}/content/video/infobymodelid`);
  url.searchParams.append("video_model_id", id);
  await fetch(other);
  return (await (await fetch(url)).json()).data;
}
