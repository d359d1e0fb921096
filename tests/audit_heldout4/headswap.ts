import { akoolPost, AKOOL_API } from "./lib/akool";

type HeadswapResult = { code: number; data: { _id: string; task_id: string } };

export async function startHeadswap(video: string, templateId: string) {
  const out = await akoolPost<HeadswapResult>("/headswap/task/create", {
    video_url: video,
    template_id: templateId,
    resolution: "1080p",
    keep_original_sound: "true",
  });
  return out.data._id;
}

export async function headswapStatus(id: string) {
  const res = await fetch(`${AKOOL_API}/headswap/task/status?_id=${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY! },
  });
  return res.json();
}
