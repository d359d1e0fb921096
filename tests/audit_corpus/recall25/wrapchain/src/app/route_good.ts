import { createJob } from "@/lib/jobStatus";

export async function POST(req: Request) {
  const { url, audio } = await req.json();
  const id = await createJob("talk", "/v3/content/video/createbytalkingphoto", { talking_photo_url: url, audio_url: audio });
  return Response.json({ id });
}
