// Bodies made by arrow functions, spreads and Object.assign before they are sent.
const axios = require("axios");
const BASE = "https://openapi.akool.com/api/open/v3";
const makePayload = (url, audio) => ({ talking_photo_url: url, audio_url: audio, resolution: "720p" });
const defaults = { audio_url: "https://example.com/a.mp3" };

function imageBody(prompt) {
  return { prompt, size: 2 };
}

async function talk(url, audio) {
  const res = await axios.post(`${BASE}/content/video/createbytalkingphoto`, makePayload(url, audio));
  return res.data;
}

async function image(prompt) {
  const res = await fetch(`${BASE}/content/image/createbyprompt`, {
    method: "POST",
    body: JSON.stringify(imageBody(prompt)),
  });
  return res.json();
}

async function talkAssigned(url) {
  const body = { talking_photo_url: url, audio_url: defaults.audio_url };
  Object.assign(body, { resolution: "1080p" });
  const res = await axios.post(`${BASE}/content/video/createbytalkingphoto`, body);
  return res.data;
}

async function talkSpread(url) {
  const res = await axios.post(`${BASE}/content/video/createbytalkingphoto`, { ...defaults, talking_photo_url: url, resolution: "1080" });
  return res.data;
}
