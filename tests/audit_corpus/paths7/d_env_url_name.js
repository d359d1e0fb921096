// A path from an environment fallback joined into a URL name, which the call then sends.
const BASE = "https://openapi.akool.com";
function envOr(name, fallback) { return process.env[name] || fallback; }
const path = envOr("X", "/api/open/v3/content/video/infobymodelid");
const talk = envOr("Y", "/api/open/v3/content/video/createbytalkingphoto");
async function run() {
  const url = `${BASE}${path}`;
  await fetch(url, { method: "POST" });
  const turl = BASE + talk;
  await fetch(turl, { method: "POST", body: JSON.stringify({ talking_photo_url: "a", audio_url: "b", resolution: "4k" }) });
}
