const axios = require("axios");

const ROOT = "https://api.akool.com";

async function login(email, password) {
  const { data } = await axios.post(ROOT + "/api/v1/public/login", { email, password });
  return data;
}

async function credit(apiKey) {
  const { data } = await axios.get(ROOT + "/api/open/v3/faceswap/quota/info", { headers: { "x-api-key": apiKey } });
  return data;
}

module.exports = { login, credit };
