const axios = require("axios");
axios.defaults.baseURL = "https://openapi.akool.com/api/open/v3";
axios.defaults.headers.common["x-api-key"] = process.env.AKOOL_API_KEY;

async function talk(photo, audio) {
  const { data } = await axios.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio, resolution: "4k" });
  return data.data._id;
}

module.exports = { talk };
