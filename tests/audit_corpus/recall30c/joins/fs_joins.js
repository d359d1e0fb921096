const path = require("path");
const fs = require("fs");

const AKOOL = "https://openapi.akool.com/api/open/v3";

async function detail(id) {
  const res = await fetch(path.posix.join(AKOOL, "content/video/detail") + `?id=${id}`);
  fs.writeFileSync(path.join(__dirname, "content/video/detail.json"), await res.text());
}

module.exports = { detail };
