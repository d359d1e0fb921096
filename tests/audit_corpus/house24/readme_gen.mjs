// Writes the project's README (with a usage example) and prints a curl line to try by hand.
import { writeFileSync } from "node:fs";

const BASE = "https://openapi.akool.com/api/open/v3";

const README = `
# akool-faceswap

\`\`\`js
await fetch("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", {
  method: "POST",
  body: JSON.stringify({ photo: "p", audio: "a" }),
});
\`\`\`
`;

function usage() {
  return `Usage: node swap.mjs IMAGE
  try it by hand: curl -X POST https://openapi.akool.com/api/open/v3/faceswap/doit -H "Authorization: Bearer $TOKEN"`;
}

if (process.argv.length < 3) {
  console.error(usage());
  process.exit(2);
}
writeFileSync("README.md", README);
const res = await fetch(`${BASE}/faceswap/highquality/specifyimage`, {
  method: "POST",
  headers: { Authorization: `Bearer ${process.env.AKOOL_TOKEN}` },
  body: JSON.stringify({ sourceImage: [], targetImage: [], face_enhance: 1, modifyImage: process.argv[2], webhookUrl: "" }),
});
console.log(await res.json());
