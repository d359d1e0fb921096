import _ from "lodash";
import dlv from "dlv";

const BASE = "https://openapi.akool.com/api/open/v3";

export async function status(id) {
  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": process.env.KEY } });
  const j = await r.json();
  const s = _.get(j, "data.video_status");
  const v = dlv(j, "data.video");
  const ok = _.get(j, ["data", "video_status"]);
  return { s, v, ok };
}

export async function viaAxios(id) {
  const res = await axios.get(`${BASE}/content/video/infobymodelid`, { params: { video_model_id: id } });
  return _.get(res, "data.data.video_status") ?? _.get(res.data, "data.video");
}
