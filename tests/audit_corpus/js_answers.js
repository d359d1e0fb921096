// Reading answers: axios bodies, fetch bodies, a variable named data.
const axios = require("axios");
const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function detect(url) {
  const res = await axios.post("https://sg3.akool.com/detect", { single_face: true, image_url: url }, { headers });
  return res.data.landmarks_str;
}

async function create(photo, audio) {
  const response = await fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", headers, body: JSON.stringify({ talking_photo_url: photo, audio_url: audio }) });
  const data = await response.json();
  return data.data._id;
}

async function status(id) {
  const res = await axios.get(`${BASE}/content/video/infobymodelid`, { params: { video_model_id: id }, headers });
  return res.data.data.status;
}

async function swap(source, target) {
  const res = await axios.post(`${BASE}/faceswap/highquality/specifyimage`, { sourceImage: [{ path: source }], targetImage: [{ path: target }], face_enhance: 0, modifyImage: target }, { headers });
  return res.data.data.job_id;
}
