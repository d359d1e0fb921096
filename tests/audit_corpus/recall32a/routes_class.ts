// Endpoint constants kept in one class, read by a small service below.
const BASE = process.env.AKOOL_BASE ?? "https://openapi.akool.com/api/open/v3";

export class AkoolRoutes {
  static readonly CREDIT = BASE + "/faceswap/quota/info";
  static readonly VIDEO_INFO = `${BASE}/content/video/infobymodelid`;
}

export class AkoolService {
  constructor(private readonly key: string) {}

  async credit(): Promise<number> {
    const res = await fetch(AkoolRoutes.CREDIT, { headers: { "x-api-key": this.key } });
    const body = await res.json();
    return body.data.credits;
  }

  async videoDone(id: string): Promise<boolean> {
    const res = await fetch(`${AkoolRoutes.VIDEO_INFO}?video_model_id=${id}`, { headers: { "x-api-key": this.key } });
    const body = await res.json();
    return body.data.video_status === 5;
  }
}
