// Zero-dependency (documented fields) AKOOL client on Node's https module.
const https = require("https");

function request(method, path, body) {
  const options = {
    hostname: "openapi.akool.com",
    path: `/api/open/v3${path}`,
    method,
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
  };
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      let raw = "";
      res.on("data", (chunk) => (raw += chunk));
      res.on("end", () => resolve(JSON.parse(raw)));
    });
    req.on("error", reject);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

async function credit() {
  return (await request("GET", "/faceswap/quota/info")).data.credit;
}

async function image(prompt) {
  return (await request("POST", "/content/image/createbyprompt", { prompt, scale: "1:1" })).data._id;
}

module.exports = { credit, image };
