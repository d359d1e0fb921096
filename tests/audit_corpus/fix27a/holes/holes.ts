const BASE = "https://openapi.akool.com/api/open/v3";
export async function swap(kind: string, body: object, key: string) {
  const r = await fetch(`${BASE}/faceswap/highquality/specify${kind}`, { method: "POST", body: JSON.stringify(body), headers: { "x-api-key": key } });
  return r.json();
}
