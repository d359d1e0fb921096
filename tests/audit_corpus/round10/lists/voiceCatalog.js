// Voice pickers built from AKOOL's voice list.
const axios = require("axios");

const akool = axios.create({
  baseURL: "https://openapi.akool.com/api/open/v4",
  headers: { "x-api-key": process.env.AKOOL_API_KEY },
});

async function listVoices() {
  const res = await akool.get("/voice/list", { params: { type: 1, page: 1, size: 100 } });
  return res.data.data.result;
}

async function previewUrls() {
  const voices = await listVoices();
  return voices.map((v) => v.url || v.preview_url);
}

async function options() {
  const voices = await listVoices();
  const out = [];
  for (const voice of voices) {
    out.push({ label: voice.voice_name || voice.title, id: voice.voice_id });
  }
  return out;
}

async function ok() {
  const voices = await listVoices();
  return voices.map((v) => ({ id: v._id, name: v.name, sample: v.preview || v.url }));
}

module.exports = { previewUrls, options, ok };
