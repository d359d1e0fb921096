const axios = require("axios");

const akool = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": process.env.AKOOL_API_KEY } });
akool.interceptors.response.use(({ data }) => data);

async function create(photo, audio) {
  const res = await akool.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio });
  if (res.code !== 1000) throw new Error(res.msg);
  return res.data._id;
}

async function status(id) {
  const res = await akool.get("/content/video/infobymodelid", { params: { video_model_id: id } });
  return res.data.video_status === 3 ? res.data.video : null;
}

module.exports = { create, status };

function thumbnail(id) {
  return akool.get("/content/video/infobymodelid", { params: { video_model_id: id } }).then((r) => r.data.video_status === 3 && r.data.thumbnail_url);
}
