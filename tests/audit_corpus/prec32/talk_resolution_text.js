const API = "https://openapi.akool.com/api/open/v3";

export async function talk(photo, audio, hd, key) {
  const body = JSON.stringify({
    talking_photo_url: photo,
    audio_url: audio,
    resolution: String(hd ? 1080 : 720),
  });
  const res = await fetch(`${API}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body,
  });
  return res.json();
}
