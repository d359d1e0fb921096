export class Akool {
  private readonly baseUrl = "https://api.akool.com/api/open/v3";

  constructor(private key: string) {}

  private async post(path: string, body: unknown) {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      headers: { "x-api-key": this.key, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.json();
  }

  lipsync(video: string, audio: string) {
    return this.post("/content/video/lipsync", { video_url: video, audio_url: audio, webhookUrl: "" });
  }

  moderate(text: string) {
    return this.post("/content/analysis/sentiment", { content: text, type: 4, language: "en" });
  }
}
