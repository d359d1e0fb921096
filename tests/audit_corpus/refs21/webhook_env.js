// AKOOL posts results to the app's own webhook; the app forwards them to itself.
const API = "https://openapi.akool.com/api/open/v3";
const hook = process.env.AKOOL_WEBHOOK_URL;
const callbackUrl = process.env.CALLBACK_URL;
const headers = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

export async function create(photo, audio) {
  const res = await fetch(`${API}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers,
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, webhookUrl: `${hook}/akool/done` }),
  });
  return (await res.json()).data._id;
}

export async function forward(event) {
  await fetch(`${hook}/content/video/status`, { method: "POST", body: JSON.stringify(event) });
  await fetch(`${callbackUrl}/content/video/status`, { method: "POST", body: JSON.stringify(event) });
  await fetch(`${process.env.AKOOL_WEBHOOK_URL}/content/video/status`, { method: "POST" });
}

export async function status(id) {
  return fetch(`${process.env.AKOOL_API_URL}/content/video/status?video_model_id=${id}`, { headers });
}
