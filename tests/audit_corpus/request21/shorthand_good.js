// The same calls with documented values: no finding.
const BASE = "https://openapi.akool.com/api/open/v3";
async function talk(talking_photo_url, audio_url) {
  const resolution = "720";
  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url, audio_url, resolution }) });
}
async function talkHd(talking_photo_url, audio_url, opts) {
  const resolution = opts.hd ? "1080" : "720";
  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url, audio_url, resolution }) });
}
async function image(prompt, scale = "1:1") {
  return fetch(`${BASE}/content/image/createbyprompt`, { method: "POST", body: JSON.stringify({ prompt, scale }) });
}
