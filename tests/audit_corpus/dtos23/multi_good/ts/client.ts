import type { VideoInfo } from "./types";

const BASE = "https://openapi.akool.com/api/open/v3";

async function akoolGet<T>(path: string): Promise<T> {
  const r = await fetch(`${BASE}${path}`, { headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" } });
  return (await r.json()) as T;
}

export async function info(id: string) {
  const v = await akoolGet<VideoInfo>(`/content/video/infobymodelid?video_model_id=${id}`);
  return v.data.video_status === 3 ? v.data.video : null;
}
