// Bases from the environment that are not AKOOL's: the paths joined to them are their own.
const RENDER = process.env.RENDER_API_URL;
const HOOK = process.env.AKOOL_WEBHOOK_URL;
const PROXY = process.env.AKOOL_PROXY_URL;

async function render(id) {
  return fetch(`${RENDER}/content/video/status/${id}`);
}

async function notify(id) {
  return fetch(`${HOOK}/content/video/done/${id}`, { method: "POST" });
}

async function viaProxy(id) {
  return fetch(`${PROXY}/content/video/status/${id}`);
}

async function local(AKOOL_API_URL) {
  return fetch(`${AKOOL_API_URL}/content/video/status/1`);
}

module.exports = { render, notify, viaProxy, local };
