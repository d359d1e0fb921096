// UI types
export interface ImageCardProps { src: string; scale: "sm" | "md" | "lg" }

const BASE = "https://openapi.akool.com/api/open/v3";

export async function gen(prompt: string) {
  const r = await fetch(`${BASE}/content/image/createbyprompt`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify({ prompt, scale: "1:1" }),
  });
  return (await r.json()).data._id as string;
}
