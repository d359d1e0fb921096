interface TalkReq { talking_photo_url: string; audio_url: string; webhook_url?: string }
export async function create(r: TalkReq) {
  return fetch("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", { method: "POST", body: JSON.stringify(r) });
}
