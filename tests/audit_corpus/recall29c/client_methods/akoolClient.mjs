class Akool {
  constructor(key, base = "https://openapi.akool.com/api/open/v3") {
    this.key = key;
    this.base = base;
  }

  async request(method, path, body) {
    const r = await fetch(`${this.base}${path}`, {
      method,
      headers: { "x-api-key": this.key, "Content-Type": "application/json" },
      body: body && JSON.stringify(body),
    });
    return r.json();
  }

  videoInfo(id) {
    return this.request("GET", `/content/video/infobymodelid?video_model_id=${id}`);
  }
}

const client = new Akool(process.env.AKOOL_API_KEY);

export async function videoUrl(id) {
  const info = (await client.videoInfo(id)).data;
  return info.video_status === 3 ? info.video : null;
}

export async function videoState(id) {
  const { data } = await client.videoInfo(id);
  return data.video_status === 3 ? data.video : null;
}
