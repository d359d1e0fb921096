const fs = require("fs");
const path = require("path");

const cfg = JSON.parse(fs.readFileSync(path.join(__dirname, "config.json"), "utf8"));
const HOST = cfg.akool.host;

fetch(HOST + "/api/open/v3/content/video/createbytalkingphoto", {
  method: "POST",
  body: JSON.stringify({ talking_photo_url: "p", audio: "a" }),
});
