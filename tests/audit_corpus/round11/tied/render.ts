const headers = { "x-api-key": process.env.AKOOL_API_KEY ?? "" };

export async function render(cfg: { apiBase: string }, id: string) {
  const res = await fetch(`${cfg.apiBase}/api/open/v3/content/video/make/${id}`, { headers });
  return res.json();
}
