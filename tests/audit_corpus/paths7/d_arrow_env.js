// A one-line helper of the script's own reads the environment and falls back to its argument.
const BASE = "https://openapi.akool.com/api/open/v3";
const cfg = (k, d) => process.env[k] || d;
const p = cfg("STATUS_PATH", "/content/video/status");
fetch(`${BASE}${p}`);
