const BASE = "https://openapi.akool.com/api/open/v3";
type Info = { video_status?: number; video?: string };
export async function f(id: string) {
  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);
  const j = await r.json();
  const { video_status = 0, video = "" }: Info = j.data ?? {};
  if (video_status === 0) return null;
  return video;
}
