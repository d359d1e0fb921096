const cfg = {
  akool: {
    host: "openapi.akool.com",
    version: "v4",
  },
};

export async function tts(key: string, text: string, voice: string) {
  const r = await fetch(`https://${cfg.akool.host}/api/open/${cfg.akool.version}/voice/tts`, {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ input_text: text, voice_id: voice, voice_options: { speed: 2 } }),
  });
  return (await r.json()).data.task_id;
}
