import axios from "axios";
export async function f(id: string) {
  const j = await (await fetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`)).json(); return j.video_status;
}
export async function g(id: string) {
  const r = await axios.get(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`); return r.data.video_status;
}
