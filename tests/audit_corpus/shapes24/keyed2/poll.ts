import { akoolGet, akoolPost } from "./client";
import { STATUS_PATHS } from "./paths";

type Kind = keyof typeof STATUS_PATHS;

async function pollViaGet(getPath: string, id: string) {
  return akoolGet<Record<string, unknown>>(getPath, { task_id: id });
}

async function pollViaPost(postPath: string, id: string) {
  return akoolPost<Record<string, { status: number }>>(postPath, { task_id: id });
}

export async function poll(type: Kind, id: string) {
  const config = STATUS_PATHS[type];
  const first = await pollViaGet(config.getPath, id);
  if (first) return first;
  return pollViaPost(config.postFallback, id);
}
export const byLiteral = (id: string) => pollViaPost("/v3/content/video/lookup", id);
