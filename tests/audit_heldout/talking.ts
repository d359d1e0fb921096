// Talking photo from a Next.js route.
type Resolution = "720p" | "1080p";

interface TalkingPhotoRequest {
  talking_photo_url: string;
  audio_url: string;
  resolution?: Resolution;
  webhookUrl?: string;
}

const API_BASE = process.env.AKOOL_BASE ?? "https://openapi.akool.com/api/open/v3";

export async function createTalkingPhoto(photo: string, audio: string, opts: { resolution?: Resolution } = {}) {
  const body: TalkingPhotoRequest = {
    talking_photo_url: photo,
    audio_url: audio,
    resolution: opts.resolution ?? "720p",
    webhookUrl: "https://myapp.example.com/api/akool/webhook",
  };
  const res = await fetch(`${API_BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  return json.data._id as string;
}
