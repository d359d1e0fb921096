const AKOOL_BASE = "https://openapi.akool.com/api/open";
const STATUS_PATHS = {
  video: { createPath: "/v4/image2video/createBySourcePrompt", getPath: "/v4/image2video/info" },
  avatar: { createPath: "/v3/talkingavatar/create", getPath: "/v3/talkingavatar/detail" },
} as const;
type Kind = keyof typeof STATUS_PATHS;
async function akoolGet<T>(path: string, query: Record<string, string>): Promise<T> {
  const res = await fetch(`${AKOOL_BASE}${path}?${new URLSearchParams(query)}`);
  return (await res.json()) as T;
}
async function pollStatus(path: string, id: string) {
  const out = await akoolGet<{ code: number; data: { status: number } }>(path, { task_id: id });
  return out.data.status;
}
export async function poll(kind: Kind, id: string) {
  return pollStatus(STATUS_PATHS[kind].getPath, id);
}
