// Print each face swap result's URL once it is done (a braceless one-line loop).
const BASE = "https://openapi.akool.com/api/open/v3";

export async function printResults(ids: string[]): Promise<void> {
  const r = await fetch(`${BASE}/faceswap/result/listbyids?_ids=${ids.join(",")}`, { headers: { "x-api-key": process.env.AKOOL_KEY! } });
  const j: any = await r.json();
  for (const item of j.data.result) if (item.faceswap_status === 3) console.log(item.result_url);
  const states = j.data.result.map((x: any) => x.faceswap_status);
  console.log(states);
}
