const TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
const seen = new Map();
const byUrl = {};

export async function talk(photo, audio) {
  if (seen.get(TALK)) return seen.get(TALK);
  const r = await fetch(TALK, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio }),
  });
  const j = await r.json();
  seen.set(TALK, j.data._id);
  seen.delete(TALK);
  byUrl.get(TALK);
  return j.data._id;
}
