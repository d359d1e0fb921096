export async function result(id) {
  const r = await fetch(`https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  const j = await r.json();
  return { done: j.data.image_status === 2, url: j.data.image };
}
