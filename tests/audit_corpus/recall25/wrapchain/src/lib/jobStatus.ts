import { apiPost } from "@/lib/openApi";
import type { JobKind } from "@/lib/types";

export const STATUS_PATHS: Record<string, { getPath: string }> = {
  image2video: { getPath: "/v4/image2Video/resultsByIds" },
};

export const createJob = async (kind: JobKind, postPath: string, body: Record<string, unknown>): Promise<string> => {
  const out = await apiPost<{ code: number; data: { _id: string } }>(postPath, body);
  if (out.code !== 1000) throw new Error(`${kind} failed`);
  return out.data._id;
};
