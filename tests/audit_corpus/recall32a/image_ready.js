const BASE = "https://openapi.akool.com/api/open/v3";

async function readyImage(id) {
  const res = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`, { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  const { data: { image_status: state, image: picture } } = await res.json();
  if (state === 2) return picture;
  return null;
}

module.exports = { readyImage };
