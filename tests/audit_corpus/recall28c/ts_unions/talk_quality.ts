type Res = "720" | "1080" | "4k";
const V3 = "https://openapi.akool.com/api/open/v3";

export async function talk(photo: string, audio: string, quality: Res) {
  const res = await fetch(`${V3}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: quality }),
  });
  return res.json();
}
