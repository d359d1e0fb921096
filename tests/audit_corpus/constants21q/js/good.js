import { A, Paths } from "./akoolConsts.js";

export async function talkOk(photo, audio) {
  const r = await fetch(`${A.BASE_URL}${Paths.TALK}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio }),
  });
  return (await r.json()).data._id;
}

export const pollOk = (id) => fetch(`${A.BASE_URL}${Paths.INFO}?video_model_id=${id}`);
