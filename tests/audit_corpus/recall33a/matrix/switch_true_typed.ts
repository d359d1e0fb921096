const API = "https://openapi.akool.com/api/open/v3";

export async function imageState(id: string): Promise<string> {
  const r = await fetch(`${API}/content/image/infobymodelid?image_model_id=${id}`);
  const j = await r.json();
  const s: number = j.data.image_status;
  switch (true) {
    case s === 2:
      return "done";
    case s === 4:
      return "failed";
    default:
      return "pending";
  }
}
