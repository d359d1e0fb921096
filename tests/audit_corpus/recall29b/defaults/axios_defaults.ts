import axios from "axios";

axios.defaults.baseURL = "https://openapi.akool.com/api/open/v3";
axios.defaults.headers.common["x-api-key"] = process.env.AKOOL_API_KEY ?? "";

export async function lipsync(video: string, audio: string) {
  const res = await axios.post("/content/video/lipsync", { video_url: video, audio });
  return res.data;
}

export async function full() {
  return axios.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1");
}
