import { AkoolSettings } from "./config";

export type JobState = 1 | 2 | 3 | 4;

export class AkoolClient {
  constructor(private apiKey: string, private baseUrl: string = AkoolSettings.baseUrl) {}

  private async request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "x-api-key": this.apiKey, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(AkoolSettings.timeoutMs),
    });
    const json = await res.json();
    if (json.code !== 1000) throw new Error(`AKOOL ${json.code}: ${json.msg}`);
    return json.data as T;
  }

  createTalkingPhoto(photoUrl: string, audioUrl: string) {
    return this.request<{ _id: string; video_status: JobState }>("POST", "/v3/content/video/createbytalkingphoto", {
      talking_photo_url: photoUrl,
      audio_url: audioUrl,
      resolution: "720",
    });
  }

  videoInfo(id: string) {
    return this.request<{ video_status: JobState; video: string }>("GET", `/v3/content/video/infobymodelid?video_model_id=${id}`);
  }

  translate(url: string, languages: string[]) {
    return this.request<{ _id: string }>("POST", "/v3/content/video/translate", {
      url,
      language: languages.join(","),
    });
  }

  quota() {
    return this.request<{ credit: number }>("GET", "/v3/faceswap/quota/info");
  }
}
