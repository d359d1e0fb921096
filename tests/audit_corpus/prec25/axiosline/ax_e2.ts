import axios from "axios";
export async function f(id: string) {
  const j = await (await fetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`)).json(); return [j.data!.video_status, j.data!.video];
}
