// A job helper that tries a second path when the first one fails.
const AKOOL_API = "https://openapi.akool.com/api/open";
const TOKEN = process.env.AKOOL_TOKEN ?? "";

async function akoolJson(path: string, body: unknown): Promise<any> {
  const res = await fetch(`${AKOOL_API}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function createAkoolJob(primary: string, body: unknown, fallbackPath?: string): Promise<any> {
  const first = await akoolJson(primary, body);
  if (first.code === 1000 || !fallbackPath) return first;
  return akoolJson(fallbackPath, body);
}

const IMAGE_FALLBACK = "/v3/content/image/generate";

export function productAd(url: string) {
  return createAkoolJob("/v3/product-ad/create", { url }, "/v3/content/productAd/create");
}

export function image(prompt: string) {
  return createAkoolJob("/v3/content/image/createbyprompt", { prompt, scale: "1:1" }, IMAGE_FALLBACK);
}
