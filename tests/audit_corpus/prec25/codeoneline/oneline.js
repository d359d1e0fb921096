import axios from "axios";
const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };
export async function a(id) {
  const j = await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers })).json();
  if (j.code !== 0) throw new Error("a: " + j.msg);
  return j.data;
}
export async function b(id) {
  const { data } = await axios.get(`${BASE}/content/video/infobymodelid`, { params: { video_model_id: id }, headers });
  if (data.code !== 200) throw new Error(data.msg);
  return data.data;
}
export async function c(id) {
  const j = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers }).then((r) => r.json());
  if (j.code !== 0) throw new Error("c: " + j.msg);
  return j.data;
}
