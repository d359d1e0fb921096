// Narrate a script with AKOOL's text to speech (voice options tuned by ear).
const axios = require("axios");

const api = axios.create({
  baseURL: "https://openapi.akool.com/api/open/v4",
  headers: { "x-api-key": process.env.AKOOL_API_KEY },
});

async function narrate(text, voiceId) {
  const res = await api.post("/voice/tts", {
    input_text: text,
    voice_id: voiceId,
    voice_options: { stability: 0.6, similarity_boost: 0.8, speed: 1.5, volume: 80 },
    extra_options: { pitch: 20, voice_modify: { pitch: -40, timbre: 10 } },
  });
  return res.data.data._id;
}

async function batchVideos(prompt) {
  const res = await api.post("/text2Video/createByPrompt/batch", {
    prompt,
    count: 12,
    resolution: "720p",
  });
  return res.data.data;
}

module.exports = { narrate, batchVideos };
