export interface AkoolOptions {
  apiKey: string;
  baseUrl?: string;
}

export function createAkool({ apiKey, baseUrl = "https://openapi.akool.com/api/open/v3" }: AkoolOptions) {
  async function post<T = any>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "x-api-key": apiKey, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.json();
  }
  return { post };
}
