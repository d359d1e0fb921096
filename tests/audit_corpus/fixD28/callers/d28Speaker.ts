const BASE = "https://openapi.akool.com/api/open/v3";

export async function talkingPhoto(imageUrl: string, audioUrl: string, resolution: string = "720") {
  const res = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: imageUrl, audio_url: audioUrl, resolution }),
  });
  return res.json();
}
