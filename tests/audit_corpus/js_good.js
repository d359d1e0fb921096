// Documented calls only: no findings expected. https://docs.akool.com/ai-tools-suite/voiceLab
const BASE = "https://openapi.akool.com/api/open/v4";

async function speak(key, text, voiceId) {
  const res = await fetch(`${BASE}/voice/tts`, {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ input_text: text, voice_id: voiceId, webhookUrl: "" }),
  });
  const json = await res.json();
  return json.data._id;
}

async function detail(key, id) {
  return fetch(`${BASE}/voice/detail/` + id, { headers: { "x-api-key": key } });
}

module.exports = { speak, detail };
