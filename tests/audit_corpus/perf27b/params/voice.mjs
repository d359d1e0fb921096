const AKOOL = "https://openapi.akool.com/api/open/v4";

// Speak a text with one of AKOOL's voices; options fall back to their defaults.
export async function speak(text, voiceId, { speed = "1.2", format = "mp3" } = {}) {
  const res = await fetch(`${AKOOL}/voice/tts`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ input_text: text, voice_id: voiceId, voice_options: { speed } }),
  });
  const out = await res.json();
  console.log(format, out.code);
  return out.data._id;
}
