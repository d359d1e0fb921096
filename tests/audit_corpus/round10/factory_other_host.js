// A storage service's client, made the same way: its paths are its own.
const axios = require("axios");
const http = require("http");

function client() {
  return axios.create({ baseURL: process.env.STORE_URL || "https://store.example.com/v1" });
}

const api = client();

async function getVideo(id) {
  const res = await api.get(`/content/video/${id}`);
  return res.data;
}

function ping() {
  http.get("/content/video/list", () => {});
}

module.exports = { getVideo, ping };
