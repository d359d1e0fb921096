const { akoolRequest } = require("../lib/akool");

async function openSessions() {
  const payload = await akoolRequest("GET", "/v4/liveAvatar/session/list?page=1&size=20");
  for (const s of payload.data) {
    console.log(s._id);
  }
}

module.exports = { openSessions };
