const https = require("https");
const body = JSON.stringify({ prompt: "a fox", scale: "1:1" });
const req = https.request({ hostname: "openapi.akool.com", path: "/api/open/v3/content/image/createbyprompt", method: "POST", headers: { "x-api-key": "k" } }, (res) => {
  let raw = "";
  res.on("data", (c) => (raw += c));
  res.on("end", () => {
    const out = JSON.parse(raw);
    console.log(out.data.task_id);
  });
});
req.end(body);
