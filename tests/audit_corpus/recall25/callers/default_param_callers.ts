const BASE = "https://openapi.akool.com/api/open/v3";

export async function talk(photo: string, audio: string, resolution: string = "720") {
  const res = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution }),
  });
  return res.json();
}

export const hd = (p: string, a: string) => talk(p, a, "1080p");
export const fhd = (p: string, a: string) => talk(p, a, "1080");
