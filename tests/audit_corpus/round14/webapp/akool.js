// AKOOL client helpers shared by the studio pages.
const AKOOL_API = 'https://openapi.akool.com/api/open';

function headers() {
  return { 'x-api-key': process.env.AKOOL_API_KEY };
}

export async function akoolGet(path, params = {}) {
  const qs = new URLSearchParams(params).toString();
  const res = await fetch(`${AKOOL_API}${path}?${qs}`, { headers: headers() });
  return res.json();
}

export async function getAvatars() {
  const res = await fetch(`${AKOOL_API}/v4/liveAvatar/avatar/list?page=1&size=100`, { headers: headers() });
  return res.json();
}

export async function getVoices(type = 2) {
  const res = await fetch(`${AKOOL_API}/v4/voice/list?type=${type}&page=1&size=100`, { headers: headers() });
  const body = await res.json();
  return body.data;
}

export async function getLanguages() {
  const res = await fetch(`${AKOOL_API}/v3/language/list`, { headers: headers() });
  return res.json();
}
