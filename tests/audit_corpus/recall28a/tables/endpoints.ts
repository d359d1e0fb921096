import axios from "axios";

export const endpoints = {
  talk: "/content/video/createbytalkingphoto",
  status: "/content/video/status",
};

export const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });

export async function talk(p: string, a: string) {
  const { data } = await api.post(endpoints.talk, { talking_photo_url: p, audio_url: a, resolution: "4k" });
  return data.data._id;
}

export async function talkStatus(id: string) {
  const { data } = await api.get(`${endpoints.status}/${id}`);
  return data.data;
}
