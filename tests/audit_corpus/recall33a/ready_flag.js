const axios = require("axios");
const BASE = "https://openapi.akool.com/api/open/v3";

async function imageIfReady(id) {
  const { data } = await axios.get(`${BASE}/content/image/infobymodelid`, { params: { image_model_id: id } });
  const ready = data.data.image_status === 2;
  return ready ? data.data.image : null;
}

async function videoIfReady(id) {
  const { data } = await axios.get(`${BASE}/content/video/infobymodelid`, { params: { video_model_id: id } });
  const isReady = data.data.video_status === 3;
  return isReady ? data.data.video : null;
}
module.exports = { imageIfReady, videoIfReady };
