// A voice-clone helper written against an API of its own imagining (`/v1/...`).
const AKOOL_BASE = "https://openapi.akool.com/v1";

export async function cloneVoice(name: string, sampleUrl: string): Promise<string> {
  const res = await fetch(`${AKOOL_BASE}/voice/clone`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify({ voice_name: name, audio_file: sampleUrl, gender: "female" }),
  });
  const json = await res.json();
  return json.data.voice_id;
}
