const BASE = "https://openapi.akool.com/api/open/v3";

export function uploadLabel(state: number): string {
  const LABELS: Record<number, string> = { 1: "new", 2: "done" };
  return LABELS[state];
}

export async function renderLabel(id: string): Promise<string> {
  const LABELS: Record<number, string> = { 1: "queueing", 2: "processing", 3: "completed", 4: "failed" };
  const j = await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`)).json();
  return LABELS[j.data.video_status];
}
