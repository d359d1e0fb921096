const BASE = "https://openapi.akool.com/api/open/v3";

export async function waitImage(id: string, token: string): Promise<string | undefined> {
  let x: any = null;
  do {
    await new Promise((ok) => setTimeout(ok, 2000));
    const resp = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    x = await resp.json();
  } while (x?.data?.image_status !== 3);
  return x?.data?.image;
}
