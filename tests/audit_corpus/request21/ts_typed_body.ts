interface TalkRequest {
  talking_photo_url: string;
  audio_url: string;
  resolution?: "720" | "1080";
  webhook_url?: string;
}

const BASE = "https://openapi.akool.com/api/open/v3";

export async function talk(photo: string, audio: string, hook: string) {
  const body: TalkRequest = { talking_photo_url: photo, audio_url: audio, webhook_url: hook };
  const res = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function talk2(photo: string, audio: string, hook: string) {
  const res = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, webhook_url: hook } satisfies TalkRequest),
  });
  return res.json();
}
