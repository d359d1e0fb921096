import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();
const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY!, "Content-Type": "application/json" };

// our table mirrors AKOOL's video_status; 0 = not submitted yet
export async function tick() {
  const jobs = await prisma.render.findMany({ where: { video_status: { in: [0, 1, 2] } } });
  for (const job of jobs) {
    if (job.video_status === 5) {
      const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, {
        method: "POST",
        headers,
        body: JSON.stringify({ talking_photo_url: job.photo, audio_url: job.audio, resolution: "720" }),
      });
      const j = await r.json();
      await prisma.render.update({ where: { id: job.id }, data: { akoolId: j.data._id, video_status: 1 } });
      continue;
    }
    const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job.akoolId}`, { headers });
    const j = await r.json();
    await prisma.render.update({ where: { id: job.id }, data: { video_status: j.data.video_status, url: j.data.video } });
  }
}
