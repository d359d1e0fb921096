const BASE = "https://openapi.akool.com/api/open/v3";
export async function firstAvatar() {
  const r = await fetch(`${BASE}/avatar/list?from=2&page=1&size=50`, { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  const json = await r.json();
  const data = json.data[0];
  return { id: data.avatar_id, preview: data.url };
}
