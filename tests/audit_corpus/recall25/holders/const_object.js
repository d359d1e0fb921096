const RES = Object.freeze({ HD: "720p", FHD: "1080p" });
const RATIO = { square: "1x1" };
const BASE = "https://openapi.akool.com/api/open/v3";
export async function talk(photo, audio) {
  return fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: RES.FHD }),
  });
}
export async function gen(prompt) {
  return fetch(`${BASE}/content/image/createbyprompt`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ prompt, scale: RATIO.square }),
  });
}
