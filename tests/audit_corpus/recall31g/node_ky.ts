import ky from "ky";

const api = ky.create({ prefixUrl: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": "k" } });
const PATHS = { talk: "content/video/createbytalkingphoto", old: "content/video/createbyphoto" };

export async function main() {
  await api.post("content/video/createbytalkingphoto", { json: { talking_photo_url: "x", audio_url: "y", resolution: "720p" } });
  const body = { talking_photo_url: "x", resolution: "720" };
  await api.post(PATHS.talk, { json: body });
  const out: any = await api.get("content/video/infobymodelid", { searchParams: { id: "abc" } }).json();
  await api.post(PATHS.old, { json: body });
  console.log(out.data.url);
  if (out.data.video_status === 5) console.log("done");
  if (out.code !== 200) console.log("failed");
}
