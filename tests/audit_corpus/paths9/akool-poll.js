// Polls AKOOL for the bot's jobs. `api` is the shared axios-based client of the monorepo
// (packages/shared/apiClient), configured with AKOOL's base URL and key (AKOOL_API_KEY).
const api = require("../shared/apiClient");

const AKOOL_POLL_MS = 5000;

async function akoolImage(prompt) {
  const { data } = await api.post("/v3/content/image/createbyprompt", { prompt, size: "1:1" });
  return data;
}

async function akoolHeadswapStatus(taskId) {
  const { data } = await api.get("/v4/headswap/task/info", { params: { task_id: taskId } });
  return data;
}

async function akoolWait(taskId) {
  for (;;) {
    const status = await akoolHeadswapStatus(taskId);
    if (status.data && status.data.status === 3) return status;
    await new Promise((r) => setTimeout(r, AKOOL_POLL_MS));
  }
}

module.exports = { akoolImage, akoolWait };
