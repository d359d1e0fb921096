// A base written ending in "/", its paths joined without a leading slash.
const API_BASE = "https://openapi.akool.com/api/open/v3/";

export async function videoStatus(id: string) {
  const r = await fetch(`${API_BASE}content/video/status/${id}`);
  return r.json();
}

export async function createVideo(photo: string, audio: string) {
  const r = await fetch(`${API_BASE}content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "720p" }),
  });
  return r.json();
}

export async function voices() {
  const r = await fetch(`${API_BASE}voice/list`);
  return r.json();
}
