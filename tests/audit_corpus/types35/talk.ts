const V3 = "https://openapi.akool.com/api/open/v3";

export async function talk(photo: string, audio: string, words: number): Promise<string> {
  const res = await fetch(`${V3}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, prompt: 42 }),
  });
  const j = await res.json();
  return j.data._id;
}

export async function talkOk(photo: string, audio: string, words: number): Promise<string> {
  const res = await fetch(`${V3}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, prompt: `say ${words} words` }),
  });
  const j = await res.json();
  return j.data._id;
}
