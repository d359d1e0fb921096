import { akoolGet } from "./jobClient";
import { STATUS_PATHS, type Kind } from "./jobTables";

export async function GET(req: Request) {
  const kind = new URL(req.url).searchParams.get("kind") as Kind;
  const { getPath } = STATUS_PATHS[kind];
  const out = await akoolGet<{ data: { status: number } }>(getPath, { task_id: "1" });
  return Response.json(out.data);
}
