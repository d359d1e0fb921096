// Wrappers that unwrap: a generic api<T>() returning json.data, an axios interceptor, ky's .json().
import axios from "axios";
import ky from "ky";

const BASE = "https://openapi.akool.com/api/open/v3";

async function api<T>(path: string): Promise<T> {
  const r = await fetch(`${BASE}${path}`, { headers: { "x-api-key": "k" } });
  const json = await r.json();
  if (json.code !== 1000) throw new Error(json.msg);
  return json.data as T;
}

export async function viaApi(id: string) {
  const v = await api<{ video_status: number; video: string }>(`/content/video/infobymodelid?video_model_id=${id}`);
  return v.video_status === 3 ? v.video : null;
}

const client = axios.create({ baseURL: BASE, headers: { "x-api-key": "k" } });
client.interceptors.response.use((response) => response.data);

export async function viaInterceptor(id: string) {
  const res: any = await client.get(`/content/video/infobymodelid?video_model_id=${id}`);
  return res.data.video_status === 3 ? res.data.video : null;
}

export async function viaKy(id: string) {
  const j: any = await ky.get(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": "k" } }).json();
  return j.data.video_status === 3 ? j.data.video : null;
}

export async function viaApiWrong(id: string) {
  const v = await api<any>(`/content/video/infobymodelid?video_model_id=${id}`);
  return v.status;
}
