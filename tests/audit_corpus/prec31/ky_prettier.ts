// ky calls as Prettier lays them out: the options object over lines, `.json()` on its own line.
import ky from "ky";

const api = ky.create({
  prefixUrl: "https://openapi.akool.com/api/open/v3",
  headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
});

export async function createImage(prompt: string): Promise<string> {
  const r = await api
    .post("content/image/createbyprompt", {
      json: { prompt, scale: "1:1" },
    })
    .json<{ data: { _id: string } }>();
  return r.data._id;
}

export async function createTalkingPhoto(photo: string, audio: string): Promise<string> {
  const r: any = await api
    .post("content/video/createbytalkingphoto", {
      json: {
        talking_photo_url: photo,
        audio_url: audio,
        webhookUrl: "https://example.com/akool/hook",
      },
      timeout: 60_000,
      retry: { limit: 2, methods: ["post"] },
      hooks: {},
    })
    .json();
  return r.data._id;
}
