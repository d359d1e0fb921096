// Image generation helper: the aspect ratio defaults when the caller gives none.
const BASE = "https://openapi.akool.com/api/open/v3/content/image";

export async function imagine(prompt: string, ratio = "21:9") {
  const r = await fetch(`${BASE}/createbyprompt`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({ prompt, scale: ratio }),
  });
  return (await r.json()).data._id;
}
