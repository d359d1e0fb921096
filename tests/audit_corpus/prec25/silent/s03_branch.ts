const BASE = "https://openapi.akool.com/api/open/v3";
const VIDEO = `${BASE}/content/video/infobymodelid`;
const IMAGE = `${BASE}/content/image/infobymodelid`;

export async function poll(kind: "video" | "image", id: string, key: string) {
  let url: string;
  switch (kind) {
    case "video":
      url = `${VIDEO}?video_model_id=${id}`;
      break;
    default:
      url = `${IMAGE}?image_model_id=${id}`;
  }
  const res = await fetch(url, { headers: { "x-api-key": key } });
  const j = await res.json();
  return kind === "video" ? j.data.video_status : j.data.image_status;
}
