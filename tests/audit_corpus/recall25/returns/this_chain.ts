const BASE = "https://openapi.akool.com/api/open/v3";

export class Akool {
  async imageInfo(id: string): Promise<any> {
    const res = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`);
    const json = await res.json();
    return json.data;
  }
  async isDone(id: string) {
    const info = await this.imageInfo(id);
    return info.status === 3 || (await this.imageInfo(id)).image_status === 3;
  }
}
