const V3 = "https://openapi.akool.com/api/open/v3";
const V4 = "https://openapi.akool.com/api/open/v4";
const headers = { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" };

enum ZeroBasedGood { Queued, Running, Done, Failed }
enum AutoGood { Queued = 1, Running, Done, Failed }

export async function videoIfDone(id: string): Promise<string | null> {
  const j = await (await fetch(`${V3}/content/video/infobymodelid?video_model_id=${id}`, { headers })).json();
  if (j.data.video_status === AutoGood.Done) return j.data.video as string;
  return null;
}

export async function i2vVideos(ids: string[]): Promise<string[]> {
  const j = await (await fetch(`${V4}/image2Video/resultsByIds`, { method: "POST", headers, body: JSON.stringify({ _ids: ids.join(",") }) })).json();
  return j.data.result.filter((r: { status: number }) => r.status === 3).map((r: { video_url: string }) => r.video_url);
}
