const axios = require("axios");

async function credit() {
  const { data: json } = await axios.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info", {
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  return `AKOOL credit: ${json.data.remaining}`;
}

module.exports = { credit };
