// Face swap v4 and text to speech polling with axios, reading the answers several ways.
const axios = require("axios");

const V3 = "https://openapi.akool.com/api/open/v3";
const V4 = "https://openapi.akool.com/api/open/v4";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function swap(source, target) {
  const res = await axios.post(`${V4}/faceswap/faceswapByImage`, {
    sourceImage: [{ path: source }],
    targetImage: [{ path: target }],
  }, { headers });
  console.log("queued", res.data.data.job_id);
  return res.data.job_id;
}

async function swapAgain(source, target) {
  const { data } = await axios.post(`${V4}/faceswap/faceswapByImage`, {
    sourceImage: [{ path: source }],
    targetImage: [{ path: target }],
  }, { headers });
  return data.data.job_id;
}

async function audioDone(id) {
  const info = (await axios.get(`${V3}/audio/infobymodelid?audio_model_id=${id}`, { headers })).data;
  if (info.data.status === 3) return info.data.url;
  const again = await axios.get(`${V3}/audio/infobymodelid?audio_model_id=${id}`, { headers }).then((r) => r.data);
  const { data: latest } = await axios.get(`${V3}/audio/infobymodelid?audio_model_id=${id}`, { headers });
  return again.data.status === 3 || latest.data.status === 3;
}

module.exports = { swap, swapAgain, audioDone };
