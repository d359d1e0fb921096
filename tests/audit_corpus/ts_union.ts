export type Scale = "1:1" | "4:3" | "16:9" | "21:9";

interface ImageRequest {
  prompt: string;
  scale?: Scale;
  webhookUrl?: string;
}

const AKOOL_BASE = process.env.AKOOL_BASE ?? "https://openapi.akool.com/api/open/v3";

export async function generate(prompt: string, scale?: Scale): Promise<string> {
  const body: ImageRequest = { prompt, scale: scale ?? "21:9" };
  const res = await fetch(`${AKOOL_BASE}/content/image/createbyprompt`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  return json.data._id;
}
