const axios = require("axios");

module.exports = axios.create({
  baseURL: `${process.env.AKOOL_HOST || "https://openapi.akool.com"}/api/open/v3`,
  headers: { "x-api-key": process.env.AKOOL_API_KEY },
  timeout: 30000,
});
