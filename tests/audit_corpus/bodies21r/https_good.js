const https = require("https");

const body = {
  talking_photo_url: "https://example.com/a.jpg",
  audio_url: "https://example.com/a.mp3",
  resolution: "1080",
};
const options = {
  hostname: "openapi.akool.com",
  path: "/api/open/v3/content/video/createbytalkingphoto",
  method: "POST",
  headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
};
const req = https.request(options, (res) => res.resume());
req.write(JSON.stringify(body));
req.end();
