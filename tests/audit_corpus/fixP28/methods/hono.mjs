import { Hono } from 'hono';
const AKOOL = "https://openapi.akool.com/api/open/v3";
const app = new Hono();

async function akool(path) {
  const res = await fetch(AKOOL + path, { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  return res.json();
}

app.post("/webhook", async (req, res) => ({ ok: true }));

export async function job(id) {
  return akool(`/faceswap/result/listbyids?_ids=${id}`);
}
