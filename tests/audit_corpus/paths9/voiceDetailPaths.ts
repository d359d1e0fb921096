// AKOOL voice details: path and URL constants joined to the voice id.
import axios from "axios";
const BASE = "https://openapi.akool.com";
const VOICE_DETAIL = "/api/open/v4/voice/detail";
const VOICE_DETAIL_URL = `${BASE}/api/open/v4/voice/detail`;

export async function one(id: string) {
  const res = await axios.get(`${BASE}${VOICE_DETAIL}/${id}`);
  return res.data.data.task_id;
}

export async function two(id: string) {
  const res = await axios.get(BASE + VOICE_DETAIL + "/" + id);
  return res.data.data.video_url;
}

export async function three(id: string) {
  const { data } = await axios.get(`${VOICE_DETAIL_URL}/${id}`);
  return data.data.image_url;
}
