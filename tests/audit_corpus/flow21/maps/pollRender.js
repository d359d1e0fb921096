import { akoolFetchJson, akoolSend } from "./jobClient.js";
import { RENDER_PATHS } from "./renderPaths.js";

export async function pollRender(kind, id) {
  const paths = RENDER_PATHS[kind];
  const got = await akoolFetchJson(`${paths.statusPath}?video_model_id=${id}`);
  if (got.code === 1000) return got.data;
  return akoolSend(paths.retryPath, { _id: id });
}
