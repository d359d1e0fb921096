import { ofetch } from "ofetch";

const BASE = "https://openapi.akool.com/api/open/v3";

export async function createImage(prompt: string) {
  const res = await ofetch("/content/image/createbyprompt", { baseURL: BASE, method: "POST", body: { prompt, size: "1:1" } });
  return res.data._id;
}

const akool = ofetch.create({ baseURL: BASE, headers: { "x-api-key": KEY } });

export async function talk(img: string, audio: string) {
  return akool("/content/video/createbytalkingphoto", {
    method: "POST",
    body: { talking_photo_url: img, audio_url: audio, resolution: "720p" },
  });
}

export async function status(id: string) {
  return akool(`/content/video/status/${id}`);
}

export async function info(id: string) {
  return akool("/content/video/infobymodelid", { method: "POST", query: { video_model_id: id } });
}
