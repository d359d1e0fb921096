const axios = require("axios");

const akool = axios.create({
  baseURL: "https://openapi.akool.com/api/open/v4",
  headers: { "x-api-key": process.env.AKOOL_API_KEY },
});

async function toVideo(image, prompt) {
  const { data } = await akool.post("/image2Video/createBySourcePrompt", {
    image_url: image,
    prompt,
    resolution: "720",
    video_length: 5,
    webhookUrl: "https://example.com/hook",
  });
  return data.data._id;
}

async function character(image, video) {
  return akool.post("/characterSwap/create", { image, video, resolution: "720p", mode: "swap" });
}

module.exports = { toVideo, character };
