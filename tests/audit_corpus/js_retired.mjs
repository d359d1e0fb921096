const AKOOL = "https://openapi.akool.com";

export async function startAvatar(key, avatarId) {
  const r = await fetch(`${AKOOL}/api/open/v3/liveAvatar/session/create`, {
    method: "POST",
    headers: { "x-api-key": key },
    body: JSON.stringify({ avatar_id: avatarId }),
  });
  return r.json();
}

export async function imagine(key, prompt) {
  return fetch(`${AKOOL}/api/open/v3/content/image/createbyimagine`, { method: "POST", headers: { "x-api-key": key }, body: JSON.stringify({ prompt }) });
}
