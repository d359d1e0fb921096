// Talking avatar at the size the caller picks.
const BASE = "https://openapi.akool.com/api/open/v3";

async function render(hd, elements) {
  const width = hd ? 1920 : 3840;
  const height = hd ? 1080 : 2160;
  const res = await axios.post(`${BASE}/talkingavatar/create`, { width, height, avatar_from: 2, elements });
  return res.data;
}

module.exports = { render };
