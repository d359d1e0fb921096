export interface TalkForm {
  photo: string;
  audio: string;
  resolution: "720p" | "1080p"; // what the UI shows
}

const BASE = "https://openapi.akool.com/api/open/v3";

export async function submit(form: TalkForm) {
  const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({
      talking_photo_url: form.photo,
      audio_url: form.audio,
      resolution: form.resolution.replace(/p$/, ""),
    }),
  });
  return (await r.json()).data._id as string;
}
