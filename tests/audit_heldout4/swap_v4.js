// Image face swap (v4) for the avatar builder.
const fetch = require("node-fetch");

const BASE_URL = "https://openapi.akool.com";

async function swapFaces(source, target, onDone) {
  const res = await fetch(BASE_URL + "/api/open/v4/faceswap/faceswapByImage", {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({
      sourceImage: [{ path: source }],
      targetImage: [{ path: target }],
      model_name: "akool_faceswap_image_hq",
      singleFaceMode: true,
      webhookUrl: onDone,
    }),
  });
  const json = await res.json();
  return json.data.job_id;
}

async function credits() {
  const res = await fetch(BASE_URL + "/api/open/v3/faceswap/credit", { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  return (await res.json()).data.credit;
}

module.exports = { swapFaces, credits };
