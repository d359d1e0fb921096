const BASE = "https://openapi.akool.com/api/open/v3";

export async function talk(key, photo, audio) {
  const res = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: 1080 }),
  });
  const json = await res.json();
  return json.data.task_id;
}

export async function poll(key, id) {
  return fetch(`${BASE}/content/video/infobymodelid?task_id=${id}`, { headers: { "x-api-key": key } });
}
