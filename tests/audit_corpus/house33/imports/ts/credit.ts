import * as cfg from "./config";

export async function credit(key: string) {
  const r = await fetch(cfg.apiBase + "/faceswap/quota/infos", { headers: { "x-api-key": key } });
  return r.json();
}
