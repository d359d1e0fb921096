const B = "https://openapi.akool.com/api/open/v3";
export async function both(v, i) {
  const video = await fetch(`${B}/content/video/infobymodelid?video_model_id=${v}`).then((r) => r.json());
  const image = await fetch(`${B}/content/image/infobymodelid?image_model_id=${i}`).then((r) => r.json()).then((r) => r.data.image_status);
  return [video.data.video_status, image];
}
