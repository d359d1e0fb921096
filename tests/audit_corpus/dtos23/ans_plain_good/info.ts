interface VideoData { _id: string; video_status: number; video?: string }
interface VideoInfo { code: number; msg: string; data: VideoData }
const BASE = "https://openapi.akool.com/api/open/v3";

async function akoolGet<T>(path: string): Promise<T> {
  const r = await fetch(`${BASE}${path}`, { headers: { "x-api-key": "k" } });
  return (await r.json()) as T;
}

export async function info(id: string) {
  const v = await akoolGet<VideoInfo>(`/content/video/infobymodelid?video_model_id=${id}`);
  return v.data.video_status === 3 ? v.data.video : null;
}
