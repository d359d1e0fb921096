interface CreateOptions {
  photoUrl: string;
  audioUrl: string;
  webhook?: string;
}

const BASE = "https://openapi.akool.com/api/open/v3";

function toWire(o: CreateOptions) {
  return { talking_photo_url: o.photoUrl, audio_url: o.audioUrl, webhookUrl: o.webhook };
}

export async function create(opts: CreateOptions) {
  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(toWire(opts)) });
}
