// List every AKOOL knowledge base, one big page at a time.
const AKOOL_API = "https://openapi.akool.com/api/open/v4";

export async function allKnowledge(key: string): Promise<unknown[]> {
  const res = await fetch(`${AKOOL_API}/knowledge/list?page=1&size=500`, {
    headers: { "x-api-key": key },
  });
  const body = await res.json();
  return body.data;
}

export async function firstPage(key: string): Promise<unknown> {
  const res = await fetch(`${AKOOL_API}/knowledge/list?page=1&size=100`, {
    headers: { "x-api-key": key },
  });
  return res.json();
}
