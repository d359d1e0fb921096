const BASE = "https://openapi.akool.com/api/open/v3";
export async function firstAvatar() {
  const r = await fetch(`${BASE}/avatar/list?page=1`);
  const body = await r.json();
  const list = body.data;
  const item = body.data[0];
  return [list[0].avatar_id, item.avatar_id, body.data.find((a) => a.avatar_id === "x")];
}
