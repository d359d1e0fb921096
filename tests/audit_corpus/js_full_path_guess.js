// Talking photo with the v3 API (paths from a tutorial)
const key = process.env.AKOOL_API_KEY;

async function talk(photo, audio) {
  const r = await fetch("https://openapi.akool.com/api/open/v3/photo/talking", {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ image_url: photo, audio_url: audio }),
  });
  return r.json();
}

async function status(id) {
  return fetch("https://openapi.akool.com/api/open/v3/content/video/getvideostatus?video_model_id=" + id, { headers: { "x-api-key": key } });
}
