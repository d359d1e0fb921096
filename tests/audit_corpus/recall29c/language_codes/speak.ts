// Supabase edge function: narrate a lesson with AKOOL's voice lab.
const AKOOL = "https://openapi.akool.com/api/open/v4";

export async function narrate(text: string, voiceId: string): Promise<string> {
  const res = await fetch(`${AKOOL}/voice/tts`, {
    method: "POST",
    headers: { "x-api-key": Deno.env.get("AKOOL_API_KEY")!, "Content-Type": "application/json" },
    body: JSON.stringify({ input_text: text, voice_id: voiceId, language_code: "english" }),
  });
  const body = await res.json();
  return body.data._id;
}

export async function cloneVoice(url: string): Promise<string> {
  const res = await fetch(`${AKOOL}/voice/clone`, {
    method: "POST",
    headers: { "x-api-key": Deno.env.get("AKOOL_API_KEY")!, "Content-Type": "application/json" },
    body: JSON.stringify({ source_voice_file: url, voice_options: { language: "pt-BR" } }),
  });
  const body = await res.json();
  return body.data._id;
}
