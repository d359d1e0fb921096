const BASE = "https://openapi.akool.com";
const headers = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

async function akoolFetch(url, init) {
  return fetch(BASE + url, { ...init, headers });
}

async function talk(avatarId, voiceId, text) {
  const res = await akoolFetch("/api/open/v3/talkingavatar/create", {
    method: "POST",
    body: JSON.stringify({
      avatar_id: avatarId,
      voice_id: voiceId,
      input_text: text,
      webhookUrl: process.env.HOOK,
    }),
  });
  return res.json();
}

module.exports = { talk };
