const BASE = "https://openapi.akool.com/api/open/v3";
const common = { webhookUrl: "https://me.example.com/hook" };
export const img = (prompt: string) =>
  fetch(`${BASE}/content/image/createbyprompt`, { method: "POST", body: JSON.stringify({ ...common, prompt, scale: "1:1" }) });
export const talk = (p: string, a: string) =>
  fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ ...common, talking_photo_url: p, audio_url: a, resolution: "720" }) });
