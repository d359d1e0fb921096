// A shorthand property sends its local's value: the value is judged where the local is bound.
const BASE = "https://openapi.akool.com/api/open/v3";
async function talk(talking_photo_url, audio_url) {
  const resolution = "720p";
  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url, audio_url, resolution }) });
}
async function talkHd(talking_photo_url, audio_url, opts) {
  const resolution = opts.hd ? "1080p" : "720";
  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url, audio_url, resolution }) });
}
async function image(prompt) {
  const scale = "16:10";
  return fetch(`${BASE}/content/image/createbyprompt`, { method: "POST", body: JSON.stringify({ prompt, scale }) });
}
