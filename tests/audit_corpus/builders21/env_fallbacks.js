// Resolutions from the environment with fallbacks, and one given as a template literal.
const BASE = "https://openapi.akool.com/api/open/v3";
const RES = process.env.AKOOL_RESOLUTION ?? "720p";
const HD = "1080";

async function talk(photo, audio) {
  const first = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: RES }),
  });
  const second = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: `${HD}` }),
  });
  return [await first.json(), await second.json()];
}
