const BASE = "https://openapi.akool.com/api/open/v3";

export async function talk(p, a) {
  const body = { talking_photo_url: p, audio_url: a, resolution: "720" };
  return fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify(body) });
}

export async function talk2(p) {
  return fetch(`${BASE}/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ // the body
      talking_photo_url: p,
      resolution: "1080",
    }),
  });
}
