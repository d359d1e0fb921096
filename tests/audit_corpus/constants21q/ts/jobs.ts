import { Api } from "./api";

export const talk = (body: object) =>
  fetch(`${Api.BASE}${Api.TALK}`, { method: "PATCH", body: JSON.stringify(body) });
export const poll = (id: string) => fetch(`${Api.BASE}${Api.INFO}?video_model_id=${id}`);
export const talkOk = (body: object) =>
  fetch(`${Api.BASE}${Api.TALK}`, { method: "POST", body: JSON.stringify(body) });
