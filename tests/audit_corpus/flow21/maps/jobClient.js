// A request helper of the folder: every path given to it is joined to AKOOL's base.
const AKOOL_BASE = "https://openapi.akool.com/api/open";
const KEY = process.env.AKOOL_API_KEY;

export async function akoolFetchJson(path) {
  const res = await fetch(AKOOL_BASE + path, { headers: { "x-api-key": KEY } });
  return res.json();
}

export async function akoolSend(path, body) {
  const res = await fetch(`${AKOOL_BASE}${path}`, {
    method: "POST",
    headers: { "x-api-key": KEY, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
}
