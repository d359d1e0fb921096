import _ from "lodash";
export async function f(key, id) {
  const r = await fetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`, { headers: { "x-api-key": key } });
  const j = await r.json();
  return jsonpointer.get(j, "/data/video_status");
}
