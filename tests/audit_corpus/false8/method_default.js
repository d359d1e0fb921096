// A request helper whose method is a parameter with a POST default.
const BASE = "https://openapi.akool.com";
const KEY = process.env.AKOOL_API_KEY;

async function req(path, body, method = "POST") {
  if (method === "GET") {
    return fetch(BASE + path, { method: "GET", headers: { "x-api-key": KEY } });
  }
  return fetch(BASE + path, {
    method,
    headers: { "x-api-key": KEY, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function main() {
  const job = await req("/api/open/v3/content/video/createbytalkingphoto", {
    talking_photo_url: "https://example.com/p.jpg",
    audio_url: "https://example.com/a.mp3",
  });
  const info = await req("/api/open/v3/content/video/infobymodelid?video_model_id=1", null, "GET");
  const wrong = await req("/api/open/v3/content/video/infobymodelid?video_model_id=2");
  return [job, info, wrong];
}

main();
