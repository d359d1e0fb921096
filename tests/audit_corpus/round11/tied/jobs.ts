import { videoSettings as settings } from "./videoSettings";

export async function jobStatus(id: string) {
  const res = await fetch(`${settings.base}/api/open/v3/content/video/make/${id}`);
  return res.json();
}
