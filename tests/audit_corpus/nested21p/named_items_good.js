// Talking avatar's elements[] built under their own names: fetch, axios and an options object.
const BASE = "https://openapi.akool.com/api/open/v3";
const H = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

export async function pushed(avatar, lines) {
  const payload = { width: 3840, height: 2160, elements: [] };
  for (const text of lines) {
    const slide = { type: 2, avatar_id: avatar, input_text: text, voice_id: "v1" };
    payload.elements.push(slide);
  }
  const res = await fetch(`${BASE}/talkingavatar/create`, { method: "POST", headers: H, body: JSON.stringify(payload) });
  return res.json();
}

export async function inline(avatar, text) {
  const slide = { type: 2, avatar_id: avatar, input_text: text, voice_id: "v1" };
  const res = await fetch(`${BASE}/talkingavatar/create`, {
    method: "POST",
    headers: H,
    body: JSON.stringify({ width: 3840, elements: [slide] }),
  });
  return res.json();
}

export async function viaOptions(avatar, text) {
  const slide = { type: 2, avatar_id: avatar, input_text: text, voice_id: "v1" };
  const opts = { method: "POST", headers: H, body: JSON.stringify({ width: 3840, elements: [slide] }) };
  const res = await fetch(`${BASE}/talkingavatar/create`, opts);
  return res.json();
}

export async function axiosed(avatar, text) {
  const slide = { type: 2, avatar_id: avatar, input_text: text, voice_id: "v1" };
  const { data } = await axios.post(`${BASE}/talkingavatar/create`, { width: 3840, elements: [slide] }, { headers: H });
  return data;
}

export async function shorthand(text, voice_id) {
  const voice_options = { stability: 0.5, speed: 1.0 };
  const { data } = await axios.post("https://openapi.akool.com/api/open/v4/voice/tts", { input_text: text, voice_id, voice_options }, { headers: H });
  return data;
}
