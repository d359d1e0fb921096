import { V3 } from "../lib";

export async function knowledge(name: string) {
  const r = await fetch(`${V3}/knowledge/create`, { method: "POST", body: JSON.stringify({ name }) });
  return (await r.json()).data._id;
}
