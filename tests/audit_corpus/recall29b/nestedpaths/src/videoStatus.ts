import { AKOOL } from "./akoolConstants";

export async function videoState(id: string): Promise<"done" | "pending"> {
  const res = await fetch(`${AKOOL.BASE}${AKOOL.PATHS.INFO}?video_model_id=${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY! },
  });
  const json = await res.json();
  return json.data.video_status === 2 ? "done" : "pending";
}
