/** Voice lab client (TTS, cloning) for the podcast tool. */
export interface TtsOptions {
  voiceId: string;
  text: string;
  speed?: number;
}

export class VoiceLab {
  private readonly baseUrl: string = "https://openapi.akool.com/api/open/v4";

  constructor(private readonly apiKey: string) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "x-api-key": this.apiKey, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`AKOOL ${method} ${path}: ${res.status}`);
    return (await res.json()) as T;
  }

  tts(opts: TtsOptions) {
    return this.request("POST", "/voice/tts", {
      input_text: opts.text,
      voice_id: opts.voiceId,
      speed: opts.speed ?? 1.0,
    });
  }

  clone(name: string, file: string) {
    return this.request("POST", "/voice/clone", {
      name,
      source_voice_file: file,
      voice_model_name: "akool-voice-clone",
    });
  }

  remove(ids: string[]) {
    return this.request("POST", "/voice/delete", { _ids: ids });
  }

  list(page = 1) {
    return this.request("GET", `/voice/list?page=${page}&size=20`);
  }
}
