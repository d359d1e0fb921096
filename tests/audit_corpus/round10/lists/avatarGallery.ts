import axios from "axios";

const AKOOL = "https://openapi.akool.com/api/open/v3";

export class AvatarGallery {
  constructor(private readonly key: string) {}

  private async avatars(): Promise<any[]> {
    const res = await axios.get(`${AKOOL}/avatar/list`, {
      params: { from: 2, page: 1, size: 50 },
      headers: { "x-api-key": this.key },
    });
    return res.data.data;
  }

  async thumbnails(): Promise<string[]> {
    const list = await this.avatars();
    return list.map((a) => a.thumbnail_url ?? a.thumb);
  }

  async firstReady(): Promise<string | undefined> {
    const list = await this.avatars();
    return list.find((a) => a.status === 2)?.avatar_id;
  }
}
