// A module-level URL and a loop variable or callback parameter of the same name in another function.
const API = "https://openapi.akool.com/api/open/v3";
let url = `${API}/content/video/createbytalkingphoto`;
async function create() {
  return fetch(url, { method: "POST", body: JSON.stringify({ talking_photo_url: "a", audio_url: "b" }) });
}
async function downloadAll(urls) {
  for (const url of urls) {
    await fetch(url);
  }
  return Promise.all(urls.map((url) => fetch(url)));
}
