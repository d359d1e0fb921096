import { akoolGet, akoolPost } from "../lib/jobsApi";

type Kind = "video" | "avatar" | "lipsync";

const STATUS_PATHS: Record<Kind, { createPath: string; getPath: string; idParam: string }> = {
  video: { createPath: "/v4/image2video/createBySourcePrompt", getPath: "/v4/image2video/info", idParam: "task_id" },
  avatar: { createPath: "/v3/talkingavatar/create", getPath: "/v3/talkingavatar/detail", idParam: "id" },
  lipsync: { createPath: "/v4/lipsync/create", getPath: "/v4/lipsync/detail", idParam: "id" },
};

async function pollStatus(getPath: string, idParam: string, id: string) {
  const out = await akoolGet<{ code: number; data: { status: number } }>(getPath, { [idParam]: id });
  return out.data.status;
}

export async function GET(req: Request) {
  const u = new URL(req.url);
  const kind = u.searchParams.get("kind") as Kind;
  const { getPath, idParam } = STATUS_PATHS[kind];
  return Response.json(await pollStatus(getPath, idParam, u.searchParams.get("id")!));
}

export async function POST(req: Request) {
  const { kind, ...body } = await req.json();
  const out = await akoolPost(STATUS_PATHS[kind as Kind].createPath, body);
  return Response.json(out);
}
