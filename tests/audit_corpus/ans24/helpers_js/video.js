const B = "https://openapi.akool.com/api/open/v3";
export async function getStatus(id) {
  const r = await fetch(`${B}/content/video/infobymodelid?video_model_id=${id}`);
  return (await r.json()).data;
}
