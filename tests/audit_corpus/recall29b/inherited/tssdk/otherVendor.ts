import { HttpBase } from "./httpBase";

export class Other extends HttpBase {
  constructor(key: string) {
    super("https://api.example.com/v1", key);
  }

  lipsync(video: string, audio: string) {
    return this.post("/content/video/lipsyncc", { video_url: video, audio });
  }
}
