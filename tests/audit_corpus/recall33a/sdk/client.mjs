const BASE = "https://openapi.akool.com/api/open/v3";

export class Akool {
  constructor(key) { this.key = key; }

  async _request(method, path) {
    const r = await fetch(BASE + path, { method, headers: { "x-api-key": this.key } });
    const j = await r.json();
    return j.data;
  }

  imageInfo(id) {
    return this._request("GET", `/content/image/infobymodelid?image_model_id=${id}`);
  }
}

const ak = new Akool("k");
const info = await ak.imageInfo("abc");
console.log(info.image_url, info.image);
