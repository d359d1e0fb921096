// Probe the voice lists through the shared axios client, all at once or one by one.
const axios = require('axios');

const akool = axios.create({
  baseURL: 'https://openapi.akool.com/api/open',
  headers: { 'x-api-key': process.env.AKOOL_API_KEY },
});
const LIST_PATHS = ['/v3/voice/list?language=de', '/v4/voice/list?type=2&language=de'];
const HOST = 'https://openapi.akool.com/api/open';

async function firstAnswer() {
  const settled = await Promise.allSettled(LIST_PATHS.map((p) => akool.get(p)));
  return settled.find((r) => r.status === 'fulfilled');
}

async function viaUrls() {
  const urls = ['/v3/voice/list?voice_lang=de', '/v4/voice/list?type=1&voice_lang=de'].map((p) => `${HOST}${p}`);
  for (const u of urls) {
    const res = await fetch(u, { headers: { 'x-api-key': process.env.AKOOL_API_KEY } });
    if (res.ok) return res.json();
  }
  return null;
}

module.exports = { firstAnswer, viaUrls };
