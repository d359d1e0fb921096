// Face-swap results walked with fallbacks: a documented field first is defensive, a guess first is read.
const BASE = "https://openapi.akool.com";

export async function results(ids: string[]) {
  const r = await fetch(`${BASE}/api/open/v3/faceswap/result/listbyids?_ids=${ids.join(",")}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
  });
  const j = await r.json();
  const rows = [];
  for (const row of j.data.result) {
    rows.push({ id: row._id, url: row.url ?? row.result_url, state: row.status_text || row.faceswap_status });
  }
  const top = j.data.result[0]?.url || j.data.result[0]?.output;
  return { rows, top };
}
