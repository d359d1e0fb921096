import axios from "axios";
axios.defaults.transformResponse = [(raw) => JSON.parse(raw).data];
export async function status(id) {
  const res = await axios.get(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`);
  return res.data.video_status;
}
