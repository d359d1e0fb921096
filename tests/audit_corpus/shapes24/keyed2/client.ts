const BASE = process.env.AKOOL_BASE_URL ?? "https://openapi.akool.com/api/open";

export async function akoolGet<T>(path: string, params: Record<string, string>): Promise<T> {
  const qs = new URLSearchParams(params).toString();
  const res = await fetch(`${BASE}${path}?${qs}`, { headers: { "x-api-key": process.env.AKOOL_KEY! } });
  return (await res.json()) as T;
}

export async function akoolPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}
