const AKOOL_BASE = process.env.AKOOL_BASE_URL ?? "https://openapi.akool.com/api/open";

export async function akoolGet<T>(path: string, query: Record<string, string>): Promise<T> {
  const url = `${AKOOL_BASE}${path}?${new URLSearchParams(query).toString()}`;
  const res = await fetch(url, { headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" } });
  if (!res.ok) throw new Error(`akool ${res.status}`);
  return (await res.json()) as T;
}

export async function akoolPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${AKOOL_BASE}${path}`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}
