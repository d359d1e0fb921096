// Next.js route handler: report a talking-photo render's state to the browser.
const AKOOL = "https://openapi.akool.com/api/open/v3";

export async function GET(req: Request): Promise<Response> {
  const id = new URL(req.url).searchParams.get("id");
  const res = await fetch(`${AKOOL}/content/video/infobymodelid?video_model_id=${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY! },
  });
  const { data: { video_status: state, video } } = await res.json();
  const finished = state === 2;
  return Response.json({ finished, failed: state === 4, url: finished ? video : null });
}
