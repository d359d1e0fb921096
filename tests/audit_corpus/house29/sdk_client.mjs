// A class wrapping AKOOL's talking photo call, used below.
export class Akool {
  constructor(key, base = "https://openapi.akool.com/api/open/v3") {
    this.key = key;
    this.base = base;
  }

  async post(path, body) {
    const r = await fetch(`${this.base}${path}`, {
      method: "POST",
      headers: { "x-api-key": this.key, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return r.json();
  }

  talkingPhoto(photo, audio, resolution = "720") {
    return this.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio, resolution });
  }
}

const akool = new Akool(process.env.AKOOL_API_KEY);
const ok = await akool.talkingPhoto("https://example.com/me.jpg", "https://example.com/hi.mp3", "1080");
const wrong = await akool.talkingPhoto("https://example.com/me.jpg", "https://example.com/hi.mp3", "4k");
console.log(ok.data._id, wrong.data._id);
