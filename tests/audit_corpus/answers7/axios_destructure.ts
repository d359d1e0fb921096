// Poll a video with axios, destructuring the answer (written for the audit's corpus).
import axios from "axios";

const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });

export async function result(id: string): Promise<string | null> {
  const res = await axios.get(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`);
  const { status, video_url } = res.data.data;
  if (res.data.data?.video_status === 3) return res.data.data?.video ?? null;
  return status === 4 ? null : video_url;
}

export async function credit(): Promise<number> {
  const res = await axios.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info");
  return res.data.data.credit;
}
