import { envWithDefault } from "./envSettings";

const DEFAULT_BASE = "https://openapi.akool.com/api/open/v3";
const DEFAULT_CREATE_PATH = "/content/video/createbytalkingphoto";

const BASE = envWithDefault("AKOOL_BASE_URL", DEFAULT_BASE);
const CREATE_PATH = envWithDefault("AKOOL_CREATE_PATH", DEFAULT_CREATE_PATH);

export async function create(photo: string, audio: string) {
  const res = await fetch(`${BASE}${CREATE_PATH}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "720p" }),
  });
  const j = await res.json();
  return j.data.videoUrl;
}

const STATUS_PATH = envWithDefault("AKOOL_STATUS_PATH", "/content/video/status");

export async function status(id: string) {
  const res = await fetch(`${BASE}${STATUS_PATH}/${id}`);
  return (await res.json()).data;
}
