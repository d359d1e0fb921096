import { PrismaClient } from "@prisma/client";

const db = new PrismaClient();
const BASE = "https://openapi.akool.com/api/open/v3";

export async function refresh(id: string) {
  const job = await db.job.findFirstOrThrow({ where: { id } });
  if (job.video_status === 5) return;
  const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job.akoolId}`, { headers: { "x-api-key": process.env.AKOOL_API_KEY! } });
  const { data } = await r.json();
  if (data.video_status === 3) await db.job.update({ where: { id }, data: { video: data.video } });
}
