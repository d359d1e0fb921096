const axios = require("axios");

const router = axios.create({
  baseURL: "https://openapi.akool.com/api/open/v3",
  headers: { "x-api-key": process.env.AKOOL_KEY },
});

async function talk(photo, audio) {
  const res = await router.post(
    "/content/video/createbytalkingphoto",
    { talking_photo_url: photo, audio_url: audio, resolution: "720p" },
  );
  return res.data;
}

async function talk2(photo, audio) {
  return router.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio, resolution: "720p" });
}
module.exports = { talk, talk2 };

function start(photo, sound) {
  router.post(
    "/content/video/createbytalkingphoto",
    { talking_photo_url: photo, audio_url: sound, resolution: "720p" },
  ).then((r) => console.log(r.data));
}
