// the player's quality picker (HLS renditions), unrelated to the API call below
export type Quality = { label: string; resolution: "480p" | "720p" | "1080p" };

const BASE = "https://openapi.akool.com/api/open/v3";

export async function submit(photo: string, audio: string) {
  const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "1080" }),
  });
  return (await r.json()).data._id as string;
}
