import axios from "axios";

const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
const server = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });

export async function talk(photo: string, audio: string, audio2: string) {
  const { data } = await server.post(
    "/content/video/createbytalkingphoto",
    { talking_photo_url: photo, audio_url: audio, resolution: "720p" },
  );
  const r2 = await api.post(
    "/content/video/createbytalkingphoto",
    { talking_photo_url: photo, audio_url: audio2, resolution: "720p" },
  );
  return [data, r2.data];
}

export function fire(photo: string, track: string): void {
  api.post(
    "/content/video/createbytalkingphoto",
    { talking_photo_url: photo, audio_url: track, resolution: "720p" },
  ).catch(console.error);
}
