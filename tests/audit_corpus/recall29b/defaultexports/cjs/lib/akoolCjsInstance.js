const axios = require("axios");
module.exports = axios.create({
  baseURL: `${process.env.AKOOL_HOST || "https://openapi.akool.com"}/api/open/v3`,
});
