const axios = require("axios");

const baseURL = process.env.AKOOL_BASE_URL || "https://openapi.akool.com/api/open/v4";
const api = axios.create({ baseURL, timeout: 30000 });

async function speak(text, voiceId) {
  const { data } = await api.post("/voice/ttss", { input_text: text, voice_id: voiceId });
  return data;
}

module.exports = { speak };
