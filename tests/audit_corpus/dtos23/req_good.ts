interface GoodReq { talking_photo_url: string; audio_url: string; webhookUrl?: string }
export async function create(r: GoodReq) {
  return fetch("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", { method: "POST", body: JSON.stringify(r) });
}
