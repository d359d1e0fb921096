// Nuxt server route and a ky client: $fetch / ofetch / ky's .json<T>() give the parsed answer.
import ky from "ky";
import { ofetch } from "ofetch";

const BASE = "https://openapi.akool.com/api/open/v3";

export async function viaFetch(id: string) {
  const { code, data } = await $fetch<any>(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": "k" } });
  return code === 1000 ? data.video : null;
}

export async function viaKy(id: string) {
  const { data } = await ky.get(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": "k" } }).json<any>();
  return data.video_status;
}

export async function viaOfetch(id: string) {
  const body = await ofetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": "k" } });
  return body.video_url;
}
