const BASE = "https://openapi.akool.com/api/open/v3";
const common = { webhookUrl: process.env.HOOK };

export async function image(prompt) {
  const body = Object.assign({}, common, { prompt, size: "16:9" });
  const r = await fetch(`${BASE}/content/image/createbyprompt`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await r.json()).data._id;
}
