import axios, { AxiosInstance, AxiosResponse } from "axios";

const http: AxiosInstance = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
http.interceptors.request.use((c) => { c.headers["x-api-key"] = process.env.AKOOL_API_KEY!; return c; });
http.interceptors.response.use((r: AxiosResponse) => r.data, (err) => Promise.reject(err));
const raw = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });

export async function talk(photo: string, audio: string): Promise<string> {
  const res: any = await http.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio });
  if (res.code !== 1000) throw new Error(res.msg);
  return res.data._id;
}

export async function talkWrong(photo: string, audio: string): Promise<string> {
  const res: any = await http.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio });
  return res.data.task_id;
}

export async function poll(id: string) {
  const res: any = await http.get("/content/video/infobymodelid", { params: { video_model_id: id } });
  return res.data.video_status === 3 ? res.data.video : null;
}

export async function pollThen(id: string) {
  return http.get("/content/video/infobymodelid", { params: { video_model_id: id } }).then((body: any) => body.data.video_url);
}

export async function pollRaw(id: string) {
  const res = await raw.get("/content/video/infobymodelid", { params: { video_model_id: id } });
  return res.data.data.video_status;
}
