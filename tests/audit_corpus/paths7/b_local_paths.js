// Batch image generation; prompts and results live beside the script.
const fs = require("fs");
const path = require("path");
const os = require("os");

const BASE = "https://openapi.akool.com/api/open/v3";
const ROOT = path.join(__dirname, "data");
const outDir = path.resolve(__dirname, "out");
const tmp = os.tmpdir();
const prompts = fs.readFileSync(`${ROOT}/content/image/prompts.txt`, "utf8").split("\n");

async function run() {
  for (const prompt of prompts) {
    const res = await fetch(`${BASE}/content/image/createbyprompt`, {
      method: "POST",
      headers: { "x-api-key": process.env.AKOOL_KEY, "Content-Type": "application/json" },
      body: JSON.stringify({ prompt, scale: "1:1" }),
    });
    fs.writeFileSync(`${outDir}/content/image/result`, await res.text());
    fs.mkdirSync(`${tmp}/faceswap/highquality`, { recursive: true });
    fs.copyFileSync(`${__dirname}/content/video/template`, `${process.cwd()}/content/video/copy`);
  }
}
run();
