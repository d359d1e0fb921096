// Live avatar sessions for the kiosk app (see https://docs.akool.com/ai-tools-suite/live-avatar)
const AKOOL = process.env.AKOOL_HOST ?? "https://openapi.akool.com";
const V4 = `${AKOOL}/api/open/v4`;
const CALLBACK = "http://localhost:3000/api/open/v4/liveAvatar/events";

function headers() {
  return { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };
}

async function withRetry(fn, tries = 3) {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i + 1 >= tries) throw err;
      await new Promise((r) => setTimeout(r, 500 * 2 ** i));
    }
  }
}

export async function startSession(avatarId) {
  return withRetry(async () => {
    const res = await fetch(`${V4}/liveAvatar/session/create`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ avatar_id: avatarId, stream_type: "webrtc", duration: 600 }),
    });
    const json = await res.json();
    return json.data;
  });
}

export async function closeSession(id) {
  const res = await fetch(`${V4}/liveAvatar/session/close`, {
    method: "POST",
    headers: headers(),
    body: JSON.stringify({ session_id: id }),
  });
  return res.json();
}

export async function stopSession(id) {
  const res = await fetch(`${V4}/liveAvatar/session/stop`, {
    method: "POST",
    headers: headers(),
    body: JSON.stringify({ id }),
  });
  return res.json();
}

export async function listAvatars() {
  const res = await fetch(`${V4}/liveAvatar/avatar/list?page=1&size=50`, { headers: headers() });
  const json = await res.json();
  return json.data.result;
}

export { CALLBACK };
