// AKOOL voice clone detail: GET .../voice/detail/{id}
const AKOOL = "https://openapi.akool.com";
const VOICE_DETAIL_URL = `${AKOOL}/api/open/v4/voice/detail`;
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

async function voiceUrl(id) {
  const res = await fetch(`${VOICE_DETAIL_URL}/${id}`, { headers });
  const json = await res.json();
  return json.data.video_url;
}

async function voiceName(id) {
  const url = VOICE_DETAIL_URL + "/" + id;
  const res = await fetch(url, { headers });
  const json = await res.json();
  return [json.data.name, json.data.status];
}

module.exports = { voiceUrl, voiceName };
