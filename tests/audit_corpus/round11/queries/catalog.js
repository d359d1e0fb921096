const axios = require("axios");

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };
const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v4", headers });

async function knowledgeBases(page) {
  const res = await fetch(`https://openapi.akool.com/api/open/v4/knowledge/list?type=2&page=${page}&size=10`, { headers });
  return res.json();
}

async function voices(page) {
  const res = await fetch(`${BASE}/voice/list?type=2&page=${page}`, { headers });
  return res.json();
}

const models = () => api.get("/aigModel/list");
const models2 = () => api.get("/aigModel/list?types=1");
const sessions = (page) => api.get(`/liveAvatar/session/list?page=${page}&size=10`);

module.exports = { knowledgeBases, voices, models, models2, sessions };
