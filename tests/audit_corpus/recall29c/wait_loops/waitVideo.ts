const API = "https://openapi.akool.com/api/open/v3";

export async function waitVideo(id: string): Promise<string> {
  let info: { video_status: number; video: string };
  do {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await fetch(`${API}/content/video/infobymodelid?video_model_id=${id}`, {
      headers: { "x-api-key": process.env.AKOOL_API_KEY! },
    });
    info = (await res.json()).data;
  } while (info.video_status !== 2);
  return info.video;
}
