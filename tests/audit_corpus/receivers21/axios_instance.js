import axios from "axios";

const TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
const api = axios.create({ headers: { "x-api-key": process.env.AKOOL_API_KEY } });
const pending = new Map();

export async function talk(photo, audio) {
  if (pending.get(TALK)) return pending.get(TALK);
  const { data } = await api.put(TALK, { talking_photo_url: photo, audio_url: audio });
  pending.delete(TALK);
  return data.data._id;
}
