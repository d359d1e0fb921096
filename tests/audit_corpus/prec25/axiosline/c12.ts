import axios from "axios";
import superagent from "superagent";
export async function f(id: string) {
  const r = await fetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`); if (!r.ok) throw new Error(String(r.status)); const j = await r.json(); return j.code === 1000 && j.data.video_status === 3 ? j.data.video : null;
}
