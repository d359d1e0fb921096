// Voice picker: fall back from the v4 list to the v3 one.
const AKOOL_API_URL = 'https://openapi.akool.com/api/open';

const FALLBACK_PATHS = [
  '/v4/voice/list?type=2&locale=en',
  '/v3/voice/list?locale=en',
];

async function loadVoices(apiKey) {
  for (const path of FALLBACK_PATHS) {
    const res = await fetch(AKOOL_API_URL + path, { headers: { 'x-api-key': apiKey } });
    if (res.ok) return res.json();
  }
  return null;
}

async function loadVoicesRight(apiKey) {
  for (const path of ['/v4/voice/list?type=2&gender=Female', '/v3/voice/list?from=3']) {
    const res = await fetch(`${AKOOL_API_URL}${path}`, { headers: { 'x-api-key': apiKey } });
    if (res.ok) return res.json();
  }
  return null;
}

module.exports = { loadVoices, loadVoicesRight };
