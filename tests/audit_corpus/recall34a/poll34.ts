const H = { "x-api-key": process.env.AKOOL_API_KEY! };
const INFO = "https://openapi.akool.com/api/open/v3/content/image/infobymodelid";

async function info(id: string) {
  const r = await fetch(`${INFO}?image_model_id=${id}`, { headers: H });
  return r.json();
}

export async function done(id: string) {
  const r = await fetch(`${INFO}?image_model_id=${id}`, { headers: H });
  const j = await r.json();
  return j.data.image_status === 2;
}

export async function failed(id: string) {
  const r = await fetch(`${INFO}?image_model_id=${id}`, { headers: H });
  const j = await r.json();
  return j.data.image_status === 4;
}

export async function stillRunning(id: string) {
  const r = await fetch(`${INFO}?image_model_id=${id}`, { headers: H });
  const out = await r.json();
  return out.data.image_status === 2;
}
