import ky from "ky";

const api = ky.create({ prefixUrl: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": KEY } });

export async function createImage(prompt) {
  const res = await api.post("content/image/createbyprompt", { json: { prompt, scale: "1:1" } }).json();
  return res.data._id;
}

export async function talk(img, audio) {
  return api.post("content/video/createbytalkingphoto", {
    json: { talking_photo_url: img, audio_url: audio, resolution: "720" },
  }).json();
}

export async function info(id) {
  return api.get("content/video/infobymodelid", { searchParams: { video_model_id: id } }).json();
}
