// Try AKOOL's voice lists in turn until one answers.
const PICKER_BASE = process.env.PICKER_AKOOL_URL || "https://openapi.akool.com";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function listVoices() {
  const urls = [
    `${PICKER_BASE}/api/open/v3/voice/list?lang=en`,
    `${PICKER_BASE}/api/open/v4/voice/list?type=1&language=en`,
    `${PICKER_BASE}/api/open/v4/voice/list?page=1&size=50`,
  ];
  for (const u of urls) {
    const r = await fetch(u, { headers });
    if (r.ok) return r.json();
  }
  return null;
}

module.exports = { listVoices };
