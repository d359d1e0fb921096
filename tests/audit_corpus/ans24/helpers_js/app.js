import { getStatus } from "./image.js";
import { getStatus as videoStatus } from "./video.js";

export async function done(i, v) {
  const img = await getStatus(i);
  const vid = await videoStatus(v);
  return img.status === 3 && vid.video_status === 3;
}
