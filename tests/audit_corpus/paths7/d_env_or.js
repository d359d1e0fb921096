// Endpoints can be overridden from the environment; the defaults are AKOOL's.
const BASE = process.env.AKOOL_BASE || "https://openapi.akool.com";
const DEFAULT_TALK_PATH = "/api/open/v3/content/video/createbytalkingphoto";

function envOr(name, fallback) {
  const value = process.env[name];
  return value && value.length > 0 ? value : fallback;
}

const talkPath = envOr("AKOOL_TALK_PATH", DEFAULT_TALK_PATH);
const infoPath = envOr("AKOOL_INFO_PATH", "/api/open/v3/content/video/infobymodelid");
const swapPath = process.env.AKOOL_SWAP_PATH || "/api/open/v3/faceswap/highquality/specifyimage";

async function talk(photo, audio) {
  const res = await fetch(`${BASE}${talkPath}`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "720p" }),
  });
  return res.json();
}

async function info(id) {
  const res = await fetch(`${BASE}${infoPath}?video_model_id=${id}`, { method: "POST" });
  return res.json();
}

async function swap(src, dst) {
  return fetch(BASE + swapPath, {
    method: "POST",
    body: JSON.stringify({ sourceImage: [{ path: src, opts: "" }], targetImage: [{ path: dst, opts: "" }], face_enhance: true, modifyImage: dst }),
  });
}

module.exports = { talk, info, swap };
