const axios = require("axios");

// Our own backend, which proxies AKOOL: its routes are not AKOOL's.
const baseURL = process.env.BACKEND_URL || "https://api.example.com";
const api = axios.create({ baseURL, timeout: 30000 });

async function speak(text) {
  const { data } = await api.post("/voice/ttss", { text });
  return data;
}

module.exports = { speak };
