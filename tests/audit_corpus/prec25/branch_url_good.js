const BASE = "https://openapi.akool.com/api/open/v3";
const VIDEO_INFO = `${BASE}/content/video/infobymodelid`;
const IMAGE_INFO = `${BASE}/content/image/infobymodelid`;

export async function status(key, kind, id) {
  let url;
  if (kind === "video") {
    url = VIDEO_INFO;
  } else {
    url = IMAGE_INFO;
  }
  const res = await fetch(`${url}?${kind}_model_id=${id}`, { headers: { "x-api-key": key } });
  const j = await res.json();
  return kind === "video" ? j.data.video_status : j.data.image_status;
}
