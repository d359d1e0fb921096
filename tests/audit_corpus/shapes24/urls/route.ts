import { AKOOL_TP_URL, AKOOL_INFO_URL } from "./config";

export async function POST(req: Request) {
  const { photo, audio } = await req.json();
  const payload = { image: photo, voice: audio, resolution: "4k" };
  const res = await fetch(AKOOL_TP_URL, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY!, "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
  return Response.json(await res.json());
}

export async function GET(req: Request) {
  const id = new URL(req.url).searchParams.get("id");
  const res = await fetch(`${AKOOL_INFO_URL}?_id=${id}`, { headers: { "x-api-key": process.env.AKOOL_KEY! } });
  return Response.json(await res.json());
}
