// Narration for product videos through AKOOL's text to speech.
const axios = require("axios");

const API = "https://openapi.akool.com/api/open/v3";

async function narrate(text, voiceId, fast) {
  const { data } = await axios.post(
    `${API}/audio/create`,
    { input_text: text, voice_id: voiceId, rate: fast ? 1.25 : "100%" },
    { headers: { "x-api-key": process.env.AKOOL_API_KEY } },
  );
  return data.data._id;
}

module.exports = { narrate };
