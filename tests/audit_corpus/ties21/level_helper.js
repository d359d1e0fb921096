const BASE = "https://openapi.akool.com/api/open/v3";
class Akool {
  async get(path) {
    const r = await fetch(BASE + path, { headers: { "x-api-key": process.env.K } });
    return r.json();
  }
  async v1(id) {
    const data = (await this.get(`/content/video/infobymodelid?video_model_id=${id}`)).data;
    return data.video_status;
  }
  async v2(id) {
    const { data } = await this.get(`/content/video/infobymodelid?video_model_id=${id}`);
    return data.video_status;
  }
  async w1(id) {
    const data = (await this.get(`/content/video/infobymodelid?video_model_id=${id}`)).data;
    return data.status; // w1
  }
  async w2(id) {
    const { data } = await this.get(`/content/video/infobymodelid?video_model_id=${id}`);
    return data.video_url;
  }
}
async function p1(id) {
  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);
  const data = (await r.json()).data;
  return data.video_status;
}
async function p2(id) {
  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);
  const data = (await r.json()).data;
  return data.status; // p2
}
module.exports = Akool;
