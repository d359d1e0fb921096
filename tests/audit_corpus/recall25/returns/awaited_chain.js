const BASE = "https://openapi.akool.com/api/open/v3";

async function imageInfo(id) {
  const res = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`, { headers: { Authorization: `Bearer ${process.env.T}` } });
  const body = await res.json();
  return body.data;
}

async function done(id) {
  return (await imageInfo(id)).status === 3;
}
