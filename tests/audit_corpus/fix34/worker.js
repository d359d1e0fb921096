// A Cloudflare Worker: one route asks AKOOL for an image, the others answer from KV, from the
// incoming webhook and from another service. The handler is itself named `fetch`.
const BASE = "https://openapi.akool.com/api/open/v3";

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/create") {
      const body = await request.json();
      const r = await fetch(`${BASE}/content/image/createbyprompt`, {
        method: "POST",
        headers: { "x-api-key": env.AKOOL_API_KEY, "Content-Type": "application/json" },
        body: JSON.stringify({ prompt: body.prompt, scale: "1:1" }),
      });
      if (!r.ok) return r;
      const j = await r.json();
      await env.JOBS.put(j.data._id, JSON.stringify({ state: "queued" }));
      return Response.json(j);
    }
    if (url.pathname === "/hook") {
      const r = await fetch(`${env.SIGNER_URL}/verify`, { method: "POST", body: await request.text() });
      const j = await r.json();
      await env.JOBS.put(j.job, JSON.stringify({ state: j.state, url: j.url }));
      return new Response("ok");
    }
    if (url.pathname === "/status") {
      const res = await fetch(`${env.STATUS_URL}/jobs/${url.searchParams.get("id")}`);
      const data = await res.json();
      return Response.json({ state: data.state, url: data.url, updated: data.updatedAt });
    }
    return fetch(request);
  },
};
