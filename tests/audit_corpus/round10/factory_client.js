// AKOOL talking-photo jobs through an axios instance made by a factory.
const axios = require("axios");

function client() {
  return axios.create({
    baseURL: process.env.AKOOL_ENDPOINT || "https://api.akool.com/v1",
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
}

const api = client();

async function createVideo(photoUrl, audioUrl) {
  const res = await api.post("/content/video/createbytalkingphoto", {
    talking_photo_url: photoUrl,
    audio_url: audioUrl,
  });
  return res.data;
}

async function getVideo(id) {
  const res = await api.get(`/content/video/${id}`);
  return res.data;
}

async function removeVideo(id) {
  return client().delete(`/content/video/${id}/remove`);
}

module.exports = { createVideo, getVideo, removeVideo };
