const BASE = "https://openapi.akool.com/api/open/v3";

async function createTalkingPhoto({ photo, audio, resolution = "720p", webhook }) {
  const res = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution, webhookUrl: webhook }),
  });
  return res.json();
}

module.exports = { createTalkingPhoto };
