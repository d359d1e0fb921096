import ky from "ky";

export const ENDPOINTS = {
  talk: "/content/video/createbytalkingphoto",
  info: "/content/video/infobymodelid",
  image: "/content/image/create",
} as const;

const api = ky.create({
  prefixUrl: "https://openapi.akool.com/api/open/v3",
  headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
});

export async function makeImage(prompt: string) {
  const out = await api.post(ENDPOINTS.image.slice(1), { json: { prompt, scale: "1:1" } }).json<{ data: { _id: string } }>();
  return out.data._id;
}

export async function videoInfo(id: string) {
  return api.get(ENDPOINTS.info.slice(1), { searchParams: { video_model_id: id } }).json();
}
