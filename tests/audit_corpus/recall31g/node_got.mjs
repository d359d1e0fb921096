import got from "got";

const api = got.extend({ prefixUrl: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": process.env.AKOOL_API_KEY } });

await api.post("content/video/createbytalkingphoto", { json: { talking_photo_url: "x", audio_url: "y", resolution: "720p" } });
const body = { talking_photo_url: "x", resolution: "720" };
await api.post("content/video/createbytalkingphoto", { json: body });
const out = await api.get("content/video/infobymodelid", { searchParams: { id: "abc" } }).json();
await api.post("content/video/createbyphoto", { json: body });
console.log(out.data.url);
if (out.data.video_status === 5) console.log("done");
if (out.code !== 200) console.log("failed");
