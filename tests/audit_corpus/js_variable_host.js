// The host comes from config; the paths are AKOOL's.
const { host, key } = require("./config.json");

async function listSessions() {
  return fetch(`${host}/api/open/v4/liveAvatar/session/list?page=1&size=10&status=5`, { headers: { "x-api-key": key } });
}

async function createVideo(photo) {
  return fetch(`${host}/v3/talking-photo/create`, { method: "POST", headers: { "x-api-key": key }, body: JSON.stringify({ photo }) });
}

async function me() {
  return fetch(`${host}/api/v1/users/me`);
}
