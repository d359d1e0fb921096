// Thin AKOOL client: every path (documented) lives in one config object.
const cfg = {
  base: process.env.AKOOL_BASE || "https://openapi.akool.com/api/open/v3",
  timeoutMs: 30000,
  paths: {
    credit: "/faceswap/quota/info",
    status: "/content/video/infobymodelid",
  },
};

async function call(path, init = {}) {
  const r = await fetch(cfg.base + path, {
    ...init,
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
  });
  return r.json();
}

async function credit() {
  return (await call(cfg.paths.credit, { method: "GET" })).data.credit;
}

async function status(id) {
  return (await call(`${cfg.paths.status}?video_model_id=${id}`, { method: "GET" })).data;
}

module.exports = { credit, status };
