import { HttpBase } from "./httpBase";

export class AkoolTsClient extends HttpBase {
  constructor(key: string) {
    super("https://openapi.akool.com/api/open/v3", key);
  }

  lipsync(video: string, audio: string) {
    return this.post("/content/video/lipsync", { video_url: video, audio });
  }
}
