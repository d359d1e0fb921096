const axios = require("axios");
const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
async function info(id) {
  const { data } = await api.get("/content/video/infobymodelid", { params: { video_model_id: id } });
  return data.data;
}
async function done(id) {
  const i = await info(id);
  return i.video_status === 3 ? i.video : undefined;
}
async function url(id) {
  const i = await info(id);
  return i.video_url;
}
