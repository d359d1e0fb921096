// Face swap helper (node 18). Docs: https://docs.akool.com/ai-tools-suite/faceswap
const axios = require("axios");

const api = axios.create({
  baseURL: "https://openapi.akool.com/api/open/v4",
  headers: { "x-api-key": process.env.AKOOL_KEY },
});

async function swap(source, target) {
  const { data } = await api.post("/faceswap/faceswapByImage", {
    sourceImage: [{ path: source }],
    targetImage: [{ path: target }],
    face_enhance: true,
    webhook_url: process.env.HOOK,
  });
  return data.data._id;
}

async function results(ids) {
  const { data } = await api.get("/faceswap/result/listbyids", { params: { _ids: ids.join(",") } });
  return data.data.result;
}

module.exports = { swap, results };
