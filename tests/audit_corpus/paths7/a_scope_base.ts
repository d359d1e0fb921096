// Two helpers: one talks to AKOOL, the other to whatever base its caller gives it.
const AKOOL = "https://openapi.akool.com/api/open/v3";

export async function listVoices(key: string) {
  const base = AKOOL;
  return fetch(`${base}/voice/list`, { headers: { "x-api-key": key } });
}

export async function health(base: string) {
  return fetch(`${base}/status`);
}

export async function thumbnails(base: string, id: string) {
  return fetch(`${base}/videos/${id}/thumbnails`);
}
