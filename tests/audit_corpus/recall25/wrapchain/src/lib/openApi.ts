const OPEN_BASE = "https://openapi.akool.com/api/open";

export async function apiPost<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${OPEN_BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "x-api-key": process.env.AKOOL_API_KEY ?? "" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}
