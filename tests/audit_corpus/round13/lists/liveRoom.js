const { callAkool } = require("../../lib/akool");

async function avatarNames() {
  const res = await callAkool("/v4/liveAvatar/avatar/list?page=1&size=20");
  const names = [];
  for (const a of res.data) names.push(a.name);
  return names;
}

const openSessions = () =>
  callAkool("/api/open/v4/liveAvatar/session/list?page=1&size=10").then((r) => r.data.filter((s) => s.status === 1));

async function effectCodes() {
  const res = await callAkool("/v4/image2Video/effects");
  return res.data.result.map((e) => e.effect_code);
}

module.exports = { avatarNames, openSessions, effectCodes };
