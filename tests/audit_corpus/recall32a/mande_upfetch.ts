import { mande } from "mande";
import { up } from "up-fetch";

const api = mande("https://openapi.akool.com/api/open/v3", { headers: { "x-api-key": "k" } });
const upAkool = up(fetch, () => ({ baseUrl: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": "k" } }));

export const voices = () => api.get("/voice/lists", { query: { page: 1, size: 10 } });
export const talk = (photo: string, audio: string) =>
  api.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio, resolution: "720p" });
export const image = (prompt: string) =>
  upAkool("/content/image/createbyprompt", { method: "POST", body: { prompt, size: "1:1" } });
