// URL constants holding a documented path minus its final id segment, joined to an id.
const BASE = "https://openapi.akool.com";
const STATUS_URL = `${BASE}/api/open/v4/voice/detail`;
const DETAIL = BASE + "/api/open/v4/voice/resource/detail";
const ALONE = BASE + "/api/open/v4/voice/resource/detail";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function voice(id) {
  const url = `${STATUS_URL}/${id}`;
  return (await fetch(url, { headers })).json();
}

async function resource(id) {
  return (await fetch(DETAIL + "/" + id, { headers })).json();
}

async function all() {
  const first = await fetch(ALONE + "/" + "1", { headers });
  const bare = await fetch(ALONE, { headers });
  return [first, bare];
}

module.exports = { voice, resource, all };
