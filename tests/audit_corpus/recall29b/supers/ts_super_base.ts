class HttpBase {
  constructor(protected readonly baseUrl: string, protected readonly key: string) {}

  protected async post<T>(path: string, body: unknown): Promise<T> {
    const r = await fetch(this.baseUrl + path, {
      method: "POST",
      headers: { "x-api-key": this.key, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await r.json()) as T;
  }
}

export class AkoolSdk extends HttpBase {
  constructor(key: string) {
    super("https://openapi.akool.com/api/open/v3", key);
  }

  lipsync(video: string, audio: string) {
    return this.post("/content/video/lipsync", { videoUrl: video, audio_url: audio });
  }
}
