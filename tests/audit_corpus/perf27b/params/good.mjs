const AKOOL = "https://openapi.akool.com/api/open/v4";

export async function speak(text, voiceId, { speed = 1.2 } = {}) {
  const res = await fetch(`${AKOOL}/voice/tts`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ input_text: text, voice_id: voiceId, voice_options: { speed } }),
  });
  return (await res.json()).data._id;
}
