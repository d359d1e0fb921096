// Narration with the speaking speed as the docs write it.
const axios = require("axios");

const API = "https://openapi.akool.com/api/open/v3";

async function narrate(text, voiceId, speed = 80) {
  const { data } = await axios.post(
    `${API}/audio/create`,
    { input_text: text, voice_id: voiceId, rate: `${speed}%` },
    { headers: { "x-api-key": process.env.AKOOL_API_KEY } },
  );
  return data.data._id;
}

module.exports = { narrate };
