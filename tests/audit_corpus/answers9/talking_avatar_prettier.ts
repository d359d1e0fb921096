// services/akool.ts, formatted by prettier: type arguments, arguments on their own lines
import type { AkoolResponse, TalkingAvatarResult } from "./types";

const AKOOL_BASE = process.env.AKOOL_BASE ?? "https://openapi.akool.com";

async function akoolFetch<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${AKOOL_BASE}${url}`, {
    ...init,
    headers: {
      "x-api-key": process.env.AKOOL_API_KEY ?? "",
      "Content-Type": "application/json",
      ...(init.headers ?? {}),
    },
  });
  if (!res.ok) throw new Error(`AKOOL ${res.status}`);
  return (await res.json()) as T;
}

export async function createTalkingAvatarVideo(avatarId: string, voiceId: string, script: string) {
  const res = await akoolFetch<AkoolResponse<TalkingAvatarResult>>(
    "/api/open/v3/talkingavatar/create",
    {
      method: "POST",
      body: JSON.stringify({
        width: 1920,
        height: 1080,
        avatar_id: avatarId,
        voice_id: voiceId,
        input_text: script,
        webhookUrl: process.env.AKOOL_WEBHOOK,
      }),
    },
  );
  return res.data._id;
}

export async function videoStatus(id: string) {
  const res = await akoolFetch<AkoolResponse<{ video_status: number; video: string }>>(
    `/api/open/v3/content/video/infobymodelid?video_model_id=${id}`,
  );
  return res.data.video_status === 3 ? res.data.video : null;
}
