// The same reads, each at the level AKOOL's docs put the list.
const axios = require("axios");

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function pickAvatar(name) {
  return (await axios.get(`${BASE}/avatar/list?from=2`, { headers })).data.data.find((a) => a.name === name);
}

async function pickVoice(name) {
  const res = await axios.get(`${BASE}/voice/list`, { headers });
  const voice = res.data.data.find((v) => v.name === name);
  console.log(`${res.data.data.length} voices`);
  return voice;
}

async function languages() {
  const { data } = await axios.get(`${BASE}/language/list`, { headers });
  return data.data.lang_list.map((l) => l.lang_code);
}

async function v4Voices() {
  const res = await axios.get("https://openapi.akool.com/api/open/v4/voice/list?type=1", { headers });
  return res.data.data.result.filter((v) => v.gender === "Female");
}

async function fetched(name) {
  const r = await fetch(`${BASE}/voice/list`, { headers });
  return (await r.json()).data.find((v) => v.name === name);
}
