const BASE = "https://openapi.akool.com/api/open/v3";
const V4 = "https://openapi.akool.com/api/open/v4";
const defaults = { resolution: "720p" };
export const talk = (p, a) => fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ ...defaults, talking_photo_url: p, audio_url: a }) });
export const head = (v, img) => fetch(`${V4}/headswap/task/create`, { method: "POST", body: JSON.stringify({ ...defaults, video_url: v, model_name: "m", mappings: [{ obj_id: 1, img_url: img }] }) });
