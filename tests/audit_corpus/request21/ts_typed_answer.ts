interface VideoInfo { status: number; video: string }
interface Envelope<T> { code: number; msg: string; data: T }

const BASE = "https://openapi.akool.com/api/open/v3";

export async function status(id: string): Promise<number> {
  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": "k" } });
  const body = (await res.json()) as Envelope<VideoInfo>;
  return body.data.status;
}
