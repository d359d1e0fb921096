// Probe AKOOL's voice list endpoints until one answers.
const AKOOL_HOST = 'https://openapi.akool.com';
const headers = { 'x-api-key': process.env.AKOOL_API_KEY ?? '' };

export async function probeVoices() {
  for (const url of [
    `${AKOOL_HOST}/api/open/v3/voice/list?locale=en-US`,
    `${AKOOL_HOST}/api/open/v4/voice/list?type=2&language=en-US&page=1`,
  ]) {
    const res = await fetch(url, { headers });
    if (res.ok) return res.json();
  }
  throw new Error('no voice list answered');
}

export async function probeVoicesRight() {
  for (const url of [`${AKOOL_HOST}/api/open/v3/voice/list`, `${AKOOL_HOST}/api/open/v4/voice/list?type=2&size=50`]) {
    const res = await fetch(url, { headers });
    if (res.ok) return res.json();
  }
  throw new Error('no voice list answered');
}
