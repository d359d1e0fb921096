import { ofetch } from "ofetch";
export async function status(id: string) {
  const d = await ofetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`, {
    onResponse({ response }) { response._data = response._data.data; },
  });
  return d.video_status;
}
export async function other(id: string) {
  const r = await ofetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`);
  return r.data.status;
}
