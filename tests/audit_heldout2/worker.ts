// Queue worker: turns uploaded portraits into talking videos.
import { setTimeout as sleep } from "node:timers/promises";

const BASE = process.env.AKOOL_BASE ?? "https://openapi.akool.com/api/open/v3";
const TALKING_URL = `${BASE}/content/video/createbytalkingphoto`;
const INFO_URL = `${BASE}/content/video/infobymodelid`;
const headers = { "x-api-key": process.env.AKOOL_API_KEY ?? "", "Content-Type": "application/json" };

export async function renderPreview(photo: string, audio: string): Promise<string> {
  const res = await fetch(TALKING_URL, {
    method: "POST",
    headers,
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "720" }),
  });
  const json = await res.json();
  return json.data._id;
}

export async function renderFinal(photo: string, audio: string, hook: string): Promise<string> {
  const res = await fetch(TALKING_URL, {
    method: "POST",
    headers,
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "4k", webhook_url: hook }),
  });
  const json = await res.json();
  return json.data._id;
}

export async function waitFor(id: string): Promise<string> {
  for (;;) {
    const res = await fetch(`${INFO_URL}?video_model_id=${id}`, { headers });
    const json = await res.json();
    if (json.data.video_status === 3) return json.data.video;
    await sleep(5000);
  }
}

export async function waitForTask(id: string): Promise<string> {
  const res = await fetch(`${INFO_URL}?task_id=${id}`, { headers });
  const json = await res.json();
  return json.data.video;
}
