const B = "https://openapi.akool.com/api/open/v3";
export async function both(v, i) {
  const video = fetch(`${B}/content/video/infobymodelid?video_model_id=${v}`).then((r) => r.json());
  const image = fetch(`${B}/content/image/infobymodelid?image_model_id=${i}`).then((r) => r.json());
  const iv = await image;
  const vv = await video;
  return [vv.data.video_status, iv.data.status];
}
