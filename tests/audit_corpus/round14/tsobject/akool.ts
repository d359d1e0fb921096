const BASE = 'https://openapi.akool.com/api/open';
export const akool = {
  async avatars() {
    const res = await fetch(`${BASE}/v4/liveAvatar/avatar/list?page=1`);
    return res.json();
  },
};
export class Akool {
  static async voices() {
    const res = await fetch(`${BASE}/v4/voice/list?type=2`);
    return (await res.json()).data;
  }
}
export async function akoolGet(path: string, params: Record<string, string> = {}) {
  const url = new URL(BASE + path);
  Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v));
  return (await fetch(url)).json();
}
