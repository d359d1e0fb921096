const https = require("https");

const body = {
  talking_photo_url: "https://example.com/a.jpg",
  audio_url: "https://example.com/a.mp3",
  resolution: "720p",
};
const options = {
  hostname: "openapi.akool.com",
  path: "/api/open/v3/content/video/createbytalkingphoto",
  method: "POST",
  headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
};
const req = https.request(options, (res) => {
  let raw = "";
  res.on("data", (c) => (raw += c));
  res.on("end", () => console.log(JSON.parse(raw).data._id));
});
req.write(JSON.stringify(body));
req.end();

const img = https.request({ hostname: "openapi.akool.com", path: "/api/open/v3/content/image/createbyprompt", method: "POST" }, (res) => res.resume());
img.write(JSON.stringify({ prompt: "a cat", size: "1:1" }));
img.end();
