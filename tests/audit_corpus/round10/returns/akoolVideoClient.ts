import axios, { AxiosInstance } from "axios";

export class AkoolVideoClient {
  private http: AxiosInstance;

  constructor(apiKey: string) {
    this.http = axios.create({
      baseURL: "https://openapi.akool.com/api/open/v3",
      headers: { "x-api-key": apiKey },
    });
  }

  async getVideo(id: string) {
    return this.http.get(`/content/video/infobymodelid?video_model_id=${id}`);
  }

  async videoInfo(id: string) {
    const res = await this.http.get(`/content/video/infobymodelid?video_model_id=${id}`);
    return res.data;
  }

  async listAvatars() {
    const res = await this.http.get("/avatar/list?from=2");
    return res.data.data;
  }

  async videoData(id: string) {
    const res = await this.http.get(`/content/video/infobymodelid?video_model_id=${id}`);
    return res.data.data;
  }
}
