const akoolBase = import.meta.env.VITE_AKOOL_BASE || "/api/akool";

export async function talk(photo: string) {
  const r = await fetch(akoolBase + "/talking-photo/create", { method: "POST", body: JSON.stringify({ photo }) });
  return r.json();
}

export async function videoStatus(id: string) {
  return (await fetch(`${akoolBase}/video/status/${id}`)).json();
}
