const axios = require("axios");

async function waitSwap(id) {
  for (;;) {
    const { data } = await axios.get("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids", {
      params: { _ids: id },
      headers: { "x-api-key": process.env.AKOOL_API_KEY },
    });
    const item = data.data.result[0];
    if (item.faceswap_status === "completed") return item.url;
    if (data.data.result[0].faceswap_status === "failed") throw new Error("failed");
    await new Promise((r) => setTimeout(r, 5000));
  }
}
module.exports = { waitSwap };
