const superagent = require("superagent");

const BASE = "https://openapi.akool.com/api/open/v3";

async function render(key) {
  const img = await superagent
    .post(`${BASE}/content/image/createbyprompt`)
    .set("x-api-key", key)
    .send({ prompt: "a cat", size: "1:1" });
  const talk = await superagent
    .post(`${BASE}/content/video/createbytalkingphoto`)
    .set("x-api-key", key)
    .send({ talking_photo_url: "https://x/a.jpg", audio_url: "https://x/a.mp3", resolution: "1080" });
  return [img.body.data._id, talk.body.data._id];
}
module.exports = { render };
