// JSON bodies written by hand in double-quoted strings, as many snippets do.
const API = "https://openapi.akool.com/api/open/v3";

export async function talk(key) {
  return fetch(API + "/content/video/createbytalkingphoto", {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: "{\"talking_photo_url\": \"https://x/p.jpg\", \"audio_url\": \"https://x/a.mp3\", \"resolution\": 1080}",
  });
}

export async function swap(key) {
  return fetch(API + "/faceswap/highquality/specifyimage", {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: "{\"sourceImage\": [{\"path\": \"s\", \"opts\": \"\"}], \"targetImage\": [{\"path\": \"t\", \"opts\": \"\"}], \"modifyImage\": \"t\", \"face_enhance\": \"1\"}",
  });
}
