const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

// one poller for video and image jobs: the kind fills a documented segment
export async function poll(kind, id) {
  const r = await fetch(`${BASE}/content/${kind}/infobymodelid?${kind}_model_id=${id}`, { headers });
  return (await r.json()).data;
}

// a query string built elsewhere, glued after the documented path
export async function info(id) {
  const qs = "?" + new URLSearchParams({ video_model_id: id });
  const r = await fetch(`${BASE}/content/video/infobymodelid${qs}`, { headers });
  return (await r.json()).data.video_status;
}

export const send = (action, body) =>
  fetch(`${BASE}/content/video/${action}`, { method: "POST", headers, body: JSON.stringify(body) });

export const raw = (ver, path) => fetch(`https://openapi.akool.com/api/open/${ver}/${path}`, { headers });
