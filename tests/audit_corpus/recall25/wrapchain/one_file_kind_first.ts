const OPEN_BASE = "https://openapi.akool.com/api/open";

async function apiPost(path: string, body: unknown) {
  const res = await fetch(`${OPEN_BASE}${path}`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

export async function go(prompt: string) {
  return apiPost("/v3/content/video/createbytalkingphoto", { talking_photo_url: prompt, resolution: "1080p" });
}

async function createJob(kind: string, postPath: string, body: Record<string, unknown>) {
  const out = await apiPost(postPath, body);
  return out.data._id;
}

export async function go2(prompt: string) {
  return createJob("x", "/v3/content/video/createbytalkingphoto", { talking_photo_url: prompt, resolution: "1080p" });
}
