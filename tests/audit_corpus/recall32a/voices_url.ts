// List the voices of one type, a page at a time, with the query built on a URL object.
const V4 = "https://openapi.akool.com/api/open/v4";

export async function voicePage(page: number, kind: string) {
  const u = new URL("https://openapi.akool.com/api/open/v4/voice/list");
  u.search = new URLSearchParams({ type: "voice", page: String(page), size: "50" }).toString();
  const r = await fetch(u, { headers: { "x-api-key": process.env.AKOOL_API_KEY! } });
  return (await r.json()).data.result;
}

export async function voicesOf(kind: string) {
  const u = new URL(`${V4}/voice/list`);
  u.searchParams.set("type", kind);
  u.searchParams.set("size", "100");
  const r = await fetch(u, { headers: { "x-api-key": process.env.AKOOL_API_KEY! } });
  return (await r.json()).data.result;
}
