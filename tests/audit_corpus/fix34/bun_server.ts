// Bun.serve: the talking photo route calls AKOOL, the weather route another API, reading its
// own answer under names the first route used too. The handler is named `fetch`.
const BASE = "https://openapi.akool.com/api/open/v3";

Bun.serve({
  port: 3000,
  async fetch(req) {
    const url = new URL(req.url);
    if (url.pathname === "/make") {
      const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
        method: "POST",
        headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
        body: JSON.stringify({ talking_photo_url: "https://x/a.png", audio_url: "https://x/a.mp3" }),
      });
      const j = await r.json();
      // wrong: the job's id is data._id
      return Response.json({ id: j.data.id });
    }
    if (url.pathname === "/weather") {
      const r = await fetch("https://api.weather.example/now");
      const j = await r.json();
      return Response.json({ t: j.temperature, w: j.wind, at: j.observed.time });
    }
    return new Response("not found", { status: 404 });
  },
});
