// Look up one AKOOL live avatar session by its id.
const AKOOL_V4 = "https://openapi.akool.com/api/open/v4";

async function sessionInfo(sessionId) {
  const res = await fetch(`${AKOOL_V4}/liveAvatar/session/${sessionId}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  return (await res.json()).data;
}

async function knowledgeBase(id) {
  const res = await fetch(`${AKOOL_V4}/knowledge/${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  return (await res.json()).data;
}

module.exports = { sessionInfo, knowledgeBase };

async function endSession(sessionId) {
  await fetch(`${AKOOL_V4}/liveAvatar/session/${sessionId}/end`, {
    method: "DELETE",
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
}
