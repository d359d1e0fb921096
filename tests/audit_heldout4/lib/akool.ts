// Shared AKOOL helpers for the Next.js API routes.
export const AKOOL_API = process.env.AKOOL_API ?? "https://openapi.akool.com/api/open/v4";

export async function akoolPost<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${AKOOL_API}${path}`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`AKOOL ${path} ${res.status}`);
  return res.json() as Promise<T>;
}
