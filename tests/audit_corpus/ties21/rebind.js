const axios = require("axios");
const BASE = "https://openapi.akool.com/api/open/v3";
async function g1(p, a, list) {
  let res = await fetch(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", body: JSON.stringify({ talking_photo_url: p, audio_url: a }) });
  let json = await res.json();
  const id = json.data.task_id;
  for (const json of list) console.log(json.data.status);
  for (const json of list) {
    console.log("item", json.data.status);
  }
  console.log("after", json.data.task_id);
  [json] = await Promise.all([fetch("https://other.example.com/x").then((r) => r.json())]);
  return json.data.task_id;
}
async function run(photo, audio, others) {
  const res = await axios.post(`${BASE}/content/video/createbytalkingphoto`, { talking_photo_url: photo, audio_url: audio });
  const results = await Promise.all(others.map((url) => axios.get(url)));
  results.forEach((res) => console.log(res.data.data.status));
  results.forEach((res) => {
    console.log(res.data.data.status);
  });
  const list = results.map(function (res) { return res.data.task_id; });
  return res.data.data.task_id;
}
