import { createJob } from "@/lib/jobStatus";

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const id = await createJob("x", "/v3/product-ad/create", { prompt });
  const id2 = await createJob("x", "/v3/content/video/createbytalkingphoto", { talking_photo_url: prompt });
  return Response.json({ id, id2 });
}
