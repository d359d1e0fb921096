// AKOOL's base comes from the deployment; nothing here names its host.
const BASE = process.env.AKOOL_API_URL;
const headers = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

async function videoStatus(id) {
  const res = await fetch(`${BASE}/content/video/status/${id}`, { headers });
  return res.json();
}

async function createTalkingPhoto(body) {
  const res = await fetch(BASE + "/content/video/talkingphoto", {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return res.json();
}

async function avatars() {
  const res = await fetch(`${process.env.AKOOL_API_URL}/avatar/list?from=2`, { headers });
  return res.json();
}

async function voices() {
  const res = await fetch(`${process.env.AKOOL_API_URL}/voice/lists`, { headers });
  return res.json();
}

module.exports = { videoStatus, createTalkingPhoto, avatars, voices };
