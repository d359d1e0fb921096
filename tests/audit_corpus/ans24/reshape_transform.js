import axios from "axios";
const BASE = "https://openapi.akool.com/api/open/v3";
export async function status(id) {
  const res = await axios.get(`${BASE}/content/video/infobymodelid`, {
    params: { video_model_id: id },
    transformResponse: [(raw) => JSON.parse(raw).data],
  });
  return res.data.video_status;
}
