const HOST = process.env.AKOOL_BASE_URL;
const V3 = `${HOST}/api/open/v3`;
const V4 = `${HOST}/api/open/v4`;

export async function knowledge(name: string) {
  const r = await fetch(`${V3}/knowledge/create`, { method: "POST", body: JSON.stringify({ name }) });
  return (await r.json()).data._id;
}

export async function knowledgeGood(name: string) {
  const r = await fetch(`${V4}/knowledge/create`, { method: "POST", body: JSON.stringify({ name }) });
  return (await r.json()).data._id;
}
