const BASE = "https://openapi.akool.com/api/open/v3";
enum Endpoint {
  Talk = "/content/video/createbytalkingphoto",
  Status = "/content/video/status",
}
const config = { paths: { info: "/content/video/infobymodelid" } };
const info = config.paths?.info ?? "/content/video/infobymodelid";
async function call(path: Endpoint | string, body: object) {
  return fetch(`${BASE}${path}`, { method: "POST", body: JSON.stringify(body) });
}
call(Endpoint.Talk, { talking_photo_url: "a", audio_url: "b", resolution: "720p" });
call(Endpoint.Status, {});
