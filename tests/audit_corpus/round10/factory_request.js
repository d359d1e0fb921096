// One axios instance per call site, requests written as options objects.
const axios = require("axios");

const akool = () => axios.create({ baseURL: "https://openapi.akool.com/v1" });

async function video(id) {
  const res = await akool().request({ url: `/content/video/${id}`, method: "get" });
  return res.data;
}

async function removeVideo(videoId) {
  return akool().request({
    method: "delete",
    url: `/content/video/${videoId}`,
  });
}

async function status(id) {
  return akool().request("GET", `/content/video/status/${id}`);
}

module.exports = { video, removeVideo, status };
