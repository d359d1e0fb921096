// Next.js route helper: every AKOOL call goes through akoolFetch
const AKOOL_API = "https://openapi.akool.com/api/open/v3";

async function akoolFetch<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(AKOOL_API + path, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await r.json()) as T;
}

export async function generate(prompt: string, hook?: string) {
  const body: Record<string, unknown> = { prompt };
  body.size = "1:1";
  if (hook) body["webhook_url"] = hook;
  return akoolFetch("/content/image/createbyprompt", body);
}

export async function swapFace(source: string, target: string) {
  const payload: Record<string, unknown> = { sourceImage: [{ path: source }], targetImage: [{ path: target }] };
  payload["modifyImage"] = target;
  return akoolFetch("/faceswap/highquality/specifyimage", payload);
}
