const BASE = "https://openapi.akool.com/api/open/v3";

async function imageResult(id) {
  const url = new URL(`${BASE}/content/image/infobymodelid`);
  url.searchParams.set("imageModelId", id);
  const r = await fetch(url, { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  return (await r.json()).data;
}

module.exports = { imageResult };
