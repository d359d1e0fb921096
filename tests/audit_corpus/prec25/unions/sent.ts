export interface TalkReq {
  talking_photo_url: string;
  audio_url: string;
  resolution: "720p" | "1080p";
}

const BASE = "https://openapi.akool.com/api/open/v3";

export async function talk(req: TalkReq) {
  return fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: req.talking_photo_url, audio_url: req.audio_url, resolution: req.resolution }),
  });
}
