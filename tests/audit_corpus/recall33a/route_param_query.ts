const AKOOL = "https://openapi.akool.com/api/open/v3";

// Next.js route handler: /api/video/[id]
export async function GET(_req: Request, { params }: { params: { id: string } }) {
  const r = await fetch(`${AKOOL}/content/video/infobymodelid?video_id=${params.id}`);
  return Response.json(await r.json());
}
