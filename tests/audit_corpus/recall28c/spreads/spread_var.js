const API = "https://openapi.akool.com/api/open/v3";
const DEFAULTS = { resolution: "720p" };

async function talk(talking_photo_url, audio_url) {
  const payload = { ...DEFAULTS, talking_photo_url, audio_url };
  const r = await fetch(`${API}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(payload) });
  return r.json();
}
