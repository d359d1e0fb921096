// Defaults merged into a held body: documented values, or overridden by the body itself.
const AKOOL = "https://openapi.akool.com/api/open/v3";
const BASE_FIELDS = { resolution: "720p" };
const GOOD_FIELDS = { resolution: "1080" };

export async function talkHd(photo, audio) {
  const payload = { ...BASE_FIELDS, talking_photo_url: photo, audio_url: audio, resolution: "1080" };
  await fetch(`${AKOOL}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(payload) });
  const other = { ...GOOD_FIELDS, talking_photo_url: photo, audio_url: audio };
  return fetch(`${AKOOL}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(other) });
}
