// Picks an avatar and a voice by name (axios), then the languages and v4 voices.
const axios = require("axios");

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function pickAvatar(name) {
  return (await axios.get(`${BASE}/avatar/list?from=2`, { headers })).data.find((a) => a.name === name);
}

async function pickVoice(name) {
  const res = await axios.get(`${BASE}/voice/list`, { headers });
  const voice = res.data.find((v) => v.name === name);
  console.log(`${res.data.length} voices`);
  return voice;
}

async function languages() {
  const { data } = await axios.get(`${BASE}/language/list`, { headers });
  return data.map((l) => l.lang_code);
}

async function v4Voices() {
  const res = await axios.get("https://openapi.akool.com/api/open/v4/voice/list?type=1", { headers });
  return res.data.data.filter((v) => v.gender === "Female");
}
