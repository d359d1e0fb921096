import { request } from "undici";

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY, "content-type": "application/json" };

await request(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", headers, body: JSON.stringify({ talking_photo_url: "x", audio_url: "y", resolution: "720p" }) });
const body = JSON.stringify({ talking_photo_url: "x", resolution: "720" });
await request(`${BASE}/content/video/createbytalkingphoto`, { method: "POST", headers, body });
const { body: res } = await request(`${BASE}/content/video/infobymodelid`, { query: { id: "abc" }, headers });
await request(`${BASE}/content/video/createbyphoto`, { method: "POST", headers, body });
const out = await res.json();
console.log(out.data.url);
if (out.data.video_status === 5) console.log("done");
if (out.code !== 200) console.log("failed");
