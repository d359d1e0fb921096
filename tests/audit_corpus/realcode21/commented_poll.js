// Talking photo: the create and poll were commented out while the UI was reworked.
const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

export async function render(photo, audio) {
  // const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
  //   method: "POST",
  //   headers,
  //   body: JSON.stringify({ talking_photo_url: photo, audio_url: audio }),
  // });
  // const job = await r.json();
  // const s = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job.data._id}`, { headers });
  // return (await s.json()).data.video;
  return null;
}

export async function legacyStatus(id) {
  // const s = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, {
  //   method: "POST",
  //   headers,
  // });
  return id;
}
