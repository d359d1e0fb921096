// Render jobs of our own service; its base comes from the deployment.
const RENDER_BASE = process.env.RENDER_BASE_URL;

export async function renderStatus(id) {
  return fetch(`${RENDER_BASE}/v4/headswap/task/info?task_id=${id}`);
}
