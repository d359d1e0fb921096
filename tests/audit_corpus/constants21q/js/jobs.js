import { A, Paths, Guessed } from "./akoolConsts.js";

export async function talk(photo, audio) {
  const r = await fetch(`${A.BASE_URL}${Paths.TALK}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio }),
  });
  return (await r.json()).data._id;
}

export const poll = (id) => fetch(`${A.BASE_URL}${Paths.INFO}?video_model_id=${id}`, { method: "POST" });
export const pollGuess = (id) => fetch(`${A.BASE_URL}${Guessed.RESULT}${id}`);
export const talkGuess = (b) => fetch(A.BASE_URL + Guessed.TALKING, { method: "POST", body: JSON.stringify(b) });
