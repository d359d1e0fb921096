const B = "https://openapi.akool.com/api/open/v3";
export async function both(v, i) {
  const [vv, iv] = await Promise.all([
    fetch(`${B}/content/video/infobymodelid?video_model_id=${v}`).then((r) => r.json()),
    fetch(`${B}/content/image/infobymodelid?image_model_id=${i}`).then((r) => r.json()),
  ]);
  return [vv.data.video_status, iv.data.status];
}
