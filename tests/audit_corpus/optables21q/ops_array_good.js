const BASE = "https://openapi.akool.com";
const OPS = [
  ["POST", "/api/open/v3/content/video/createbytalkingphoto"],
  ["GET", "/api/open/v3/content/video/infobymodelid"],
];
for (const [m, p] of OPS) {
  await fetch(BASE + p, { method: m });
}
for (const op of OPS) {
  await fetch(BASE + op[1], { method: op[0] });
}
