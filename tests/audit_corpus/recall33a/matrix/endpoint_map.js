const BASE = "https://openapi.akool.com/api/open/v3";
const ENDPOINTS = new Map([
  ["credit", "/faceswap/quota/infos"],
  ["voices", "/voice/list"],
]);

export async function call(name) {
  const r = await fetch(BASE + ENDPOINTS.get(name), { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  return r.json();
}
