import { NextResponse } from "next/server";
import { akoolPost } from "@/lib/akool";
import { get } from "@/lib/http";

export async function POST(req: Request) {
  const body = await req.json();
  const job = await akoolPost("/v3/content/video/createbytalkingphoto", {
    talking_photo_url: body.photo,
    audio_url: body.audio,
    resolution: "1080p",
  });
  const stats = await get("/v4/headswap/task/stats");
  return NextResponse.json({ job, stats });
}
