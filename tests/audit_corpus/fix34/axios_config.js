// Image generation with a per-request timeout: axios' third argument is its config, not the body.
const axios = require("axios");

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };
const akool = axios.create({ baseURL: BASE, headers });
const slow = { timeout: 60000, maxBodyLength: Infinity, maxContentLength: Infinity };

async function createImage(prompt) {
  const res = await axios.post(`${BASE}/content/image/createbyprompt`, { prompt, scale: "1:1" }, { headers, timeout: 30000 });
  return res.data.data._id;
}

async function createOnInstance(prompt, signal) {
  const res = await akool.post("/content/image/createbyprompt", { prompt, scale: "16:9" }, { signal, timeout: 30000 });
  return res.data.data._id;
}

async function createSlow(prompt) {
  const res = await axios.post(`${BASE}/content/image/createbyprompt`, { prompt }, slow);
  return res.data.data._id;
}

async function createSized(prompt) {
  // wrong: the ratio is `scale`; the timeout beside it is axios' own
  const res = await akool.post("/content/image/createbyprompt", { prompt, size: "1:1" }, { timeout: 30000 });
  return res.data.data._id;
}

async function poll(id) {
  const res = await akool.get("/content/image/infobymodelid", { params: { image_model_id: id }, timeout: 5000, validateStatus: () => true });
  return res.data.data.image_status;
}

module.exports = { createImage, createOnInstance, createSlow, createSized, poll };
