// A Hono route on Cloudflare Workers: Response.json<T>() parses the answer, typed.
import { Hono } from "hono";

const AKOOL = "https://openapi.akool.com/api/open/v3";
const app = new Hono<{ Bindings: { AKOOL_API_KEY: string } }>();

app.get("/status/:id", async (c) => {
  const r = await fetch(`${AKOOL}/content/video/infobymodelid?video_model_id=${c.req.param("id")}`, {
    headers: { "x-api-key": c.env.AKOOL_API_KEY },
  });
  const { data } = await r.json<any>();
  return c.json({ done: data.video_status === 3, url: data.video });
});

export default app;
