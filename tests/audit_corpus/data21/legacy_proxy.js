// Express gateway in front of AKOOL: rewrites retired paths before forwarding.
const express = require("express");
const BASE = "https://openapi.akool.com";
const app = express();

const MIGRATIONS = {
  "/api/open/v3/photo/talking": "/api/open/v3/content/video/createbytalkingphoto",
  '/api/open/v3/content/video/status': '/api/open/v3/content/video/infobymodelid',
};
const RENAMED = new Map([
  ["/api/open/v3/faceswap/highquality/image", "/api/open/v3/faceswap/highquality/specifyimage"],
]);

function target(path) {
  if (path === "/api/open/v3/photo/talking") {
    console.warn(`legacy client on /api/open/v3/photo/talking`);
  }
  if (["/api/open/v2/faceswap", "/api/open/v1/faceswap"].includes(path)) {
    throw new Error("/api/open/v2/faceswap is gone, use /api/open/v3/faceswap/highquality/specifyimage");
  }
  switch (path) {
    case "/api/open/v3/content/video/status":
      return "/api/open/v3/content/video/infobymodelid";
    case '/api/open/v3/photo/talking/result':
      return null;
  }
  if (path.startsWith("/api/open/v3/faceswap/highquality/image")) {
    return RENAMED.get(path);
  }
  return MIGRATIONS[path] || path;
}

app.post("/api/open/v3/photo/talking", async (req, res) => {
  const r = await fetch(BASE + target(req.path), { method: "POST", body: JSON.stringify(req.body) });
  res.json(await r.json());
});

async function poll(id, key) {
  // still a call: AKOOL documents no such path
  const r = await fetch(`${BASE}/api/open/v3/content/video/status/${id}`, { headers: { "x-api-key": key } });
  return r.json();
}
module.exports = { target, poll };
