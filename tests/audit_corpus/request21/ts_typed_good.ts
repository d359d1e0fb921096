// A body typed by the file's own interface and an answer read through its own types, as the docs
// name them: no finding.
interface TalkRequest {
  talking_photo_url: string;
  audio_url: string;
  resolution?: "720" | "1080";
  webhookUrl?: string;
}
interface VideoInfo { video_status: number; video: string }
interface Envelope<T> { code: number; msg: string; data: T }
type ImageRequest = { prompt: string; scale: string };

const BASE = "https://openapi.akool.com/api/open/v3";

export async function talk(photo: string, audio: string, hook: string) {
  const body: TalkRequest = { talking_photo_url: photo, audio_url: audio, webhookUrl: hook };
  const res = await fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

export async function image(prompt: string) {
  const body = JSON.stringify({ prompt, scale: "1:1" } satisfies ImageRequest);
  const res = await fetch(`${BASE}/content/image/createbyprompt`, { method: "POST", body });
  return res.json();
}

export async function status(id: string): Promise<number> {
  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": "k" } });
  const body = (await res.json()) as Envelope<VideoInfo>;
  return body.data.video_status;
}
