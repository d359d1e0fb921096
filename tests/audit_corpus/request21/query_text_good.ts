// URLSearchParams takes Record<string, string>: its values are strings, as every query's are.
export async function avatars(page: number) {
  const q = new URLSearchParams({ page: String(page), size: "50" });
  const r = await fetch("https://openapi.akool.com/api/open/v4/liveAvatar/avatar/list?" + q.toString(), { headers: { "x-api-key": "k" } });
  return r.json();
}
const qs = new URLSearchParams({ page: "1", size: "50", type: "1" });
fetch(`https://openapi.akool.com/api/open/v4/voice/list?${qs}`, { headers: { "x-api-key": "k" } });
fetch("https://openapi.akool.com/api/open/v4/liveAvatar/avatar/list?page=1&size=50");
