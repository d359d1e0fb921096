// lib/akool.ts: every AKOOL call goes through akoolFetch
const AKOOL_BASE = "https://openapi.akool.com";
const MEDIA_BASE = "https://media.example.com";

type AkoolResponse<T> = { code: number; msg: string; data: T };

async function akoolFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(AKOOL_BASE + url, {
    ...init,
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "", "Content-Type": "application/json" },
  });
  return (await res.json()) as T;
}

async function mediaFetch(url: string, init: RequestInit = {}) {
  return fetch(MEDIA_BASE + url, { ...init, headers: { Authorization: "Bearer x" } });
}

export async function createTalkingAvatar(avatarId: string, voiceId: string, text: string) {
  await mediaFetch("/talkingavatar/create", {
    method: "POST",
    body: JSON.stringify({ avatar_id: avatarId, voice_id: voiceId, input_text: text }),
  });
  const out = await akoolFetch<AkoolResponse<{ _id: string }>>("/api/open/v3/talkingavatar/create", {
    method: "POST",
    body: JSON.stringify({
      width: 1280,
      height: 720,
      avatar_id: avatarId,
      voice_id: voiceId,
      input_text: text,
    }),
  });
  return out.data._id;
}

export async function createWithElements(avatarId: string, voiceId: string, text: string, url: string) {
  return akoolFetch<{ data: { _id: string } }>("/api/open/v3/talkingavatar/create", {
    method: "POST",
    body: JSON.stringify({
      width: 3840,
      height: 2160,
      avatar_from: 2,
      elements: [
        { type: "avatar", avatar_id: avatarId, url, scale_x: 1, scale_y: 1, width: 1080, height: 1080, offset_x: 0, offset_y: 0 },
        { type: "audio", input_text: text, voice_id: voiceId },
      ],
    }),
  });
}
