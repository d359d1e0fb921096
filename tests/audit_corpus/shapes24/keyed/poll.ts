import { akoolGet, akoolPost } from "./client";
import { STATUS_PATHS } from "./paths";

export async function poll(type: keyof typeof STATUS_PATHS, id: string) {
  const config = STATUS_PATHS[type];
  const first = await akoolGet<Record<string, unknown>>(config.getPath, { task_id: id });
  if (first) return first;
  return akoolPost<Record<string, { status: number }>>(config.postFallback, { task_id: id });
}
