// Correct AKOOL reads beside caught exceptions' .message and another vendor's answer: no finding.
const axios = require("axios");
const BASE = "https://openapi.akool.com";
const H = { "x-api-key": process.env.AKOOL_KEY };
async function createVideo(photo, audio) {
  try {
    const res = await axios.post(`${BASE}/api/open/v3/content/video/createbytalkingphoto`, { talking_photo_url: photo, audio_url: audio }, { headers: H });
    if (res.data.code !== 1000) throw new Error(res.data.msg);
    return res.data.data._id;
  } catch (err) {
    console.error("akool failed:", err.message, err.response?.data?.message);
    throw new Error(`createVideo: ${err.message}`);
  }
}
async function speak(text) {
  const r = await fetch("https://api.openai.com/v1/audio/speech", { method: "POST", body: JSON.stringify({ input: text }) });
  const json = await r.json();
  if (json.error) throw new Error(json.error.message || json.message);
  return json.data;
}
async function poll(id) {
  const r = await fetch(`${BASE}/api/open/v3/content/video/infobymodelid?video_model_id=${id}`, { headers: H });
  const j = await r.json();
  try {
    JSON.parse(j.data.video);
  } catch (error) {
    console.log(error.message);
  }
  return j.data.video_status === 3 ? j.data.video : null;
}
