// Deno script: narrate blog posts with AKOOL's voice lab.
const KEY = Deno.env.get("AKOOL_API_KEY")!;

export class Narrator {
  #base = "https://openapi.akool.com/api/open/v4";

  async #post(path: string, body: unknown) {
    const r = await fetch(`${this.#base}${path}`, {
      method: "POST",
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await r.json()).data;
  }

  speak(text: string, voice: string) {
    return this.#post("/voice/tts", { text, voice_id: voice });
  }

  forget(ids: string[]) {
    return this.#post("/voice/del", { ids });
  }
}
