export type Job = { id: string; type: "avatar" | "video"; language: "en" | "fr" };

const BASE = "https://openapi.akool.com/api/open/v3";

export async function createAvatar(name: string, url: string, avatarId: string) {
  const r = await fetch(`${BASE}/avatar/create`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({ name, url, avatar_id: avatarId, type: 1, url_from: 1 }),
  });
  return r.json();
}
