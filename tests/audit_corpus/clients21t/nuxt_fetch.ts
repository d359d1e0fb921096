// Nuxt: a $fetch client made with its base, called as a function.
const akool = $fetch.create({ baseURL: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": key } });
export const talk = (i: string, a: string) =>
  akool("/content/video/createbytalkingphoto", { method: "POST", body: { talking_photo_url: i, audio_url: a, resolution: "720p" } });
export const info = (id: string) => akool("/content/video/infobymodelid", { query: { videoModelId: id } });
export const ok = (id: string) => akool("/content/video/infobymodelid", { query: { video_model_id: id } }).then((r) => r.data.video);
export const bad = (id: string) => akool("/content/video/infobymodelid", { query: { video_model_id: id } }).then((r) => r.data.video_url);
