enum Res { HD = "720", FHD = "1080" }
const BASE = "https://openapi.akool.com/api/open/v3";
export async function talk(photo: string, audio: string) {
  return fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: Res.FHD }),
  });
}
