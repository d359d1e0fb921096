const request = require("superagent");
const BASE = "https://openapi.akool.com/api/open/v3";

async function createImage(prompt) {
  const res = await request.post(`${BASE}/content/image/createbyprompt`).set("x-api-key", KEY).send({ prompt, size: "1:1" });
  return res.body.data._id;
}

async function talk(img, audio) {
  return request
    .post(`${BASE}/content/video/createbytalkingphoto`)
    .send({ talking_photo_url: img, audio_url: audio, resolution: "720p" });
}

async function status(id) {
  return request.get(`${BASE}/content/video/status/${id}`);
}

async function info(id) {
  return request.post(`${BASE}/content/video/infobymodelid`).query({ video_model_id: id });
}
