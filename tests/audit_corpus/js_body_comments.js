// Image generation with options documented inline (comments inside the body are notes, not keys).
const axios = require("axios");

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function draw(prompt) {
  const res = await axios.post(`${BASE}/content/image/createbyprompt`, {
    prompt, // Optional: negative_prompt, seed
    scale: "1:1", /* style: photographic */
    /* quality: hd,
       steps: 30 */
    webhookUrl: process.env.HOOK,
  }, { headers });
  return res.data.data._id;
}

async function drawWide(prompt) {
  const res = await axios.post(`${BASE}/content/image/createbyprompt`, {
    prompt, // the prompt: what to draw
    size: "16:9",
  }, { headers });
  return res.data.data._id;
}

module.exports = { draw, drawWide };
