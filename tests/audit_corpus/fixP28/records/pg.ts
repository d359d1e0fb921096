import { Pool } from "pg";

const pool = new Pool();

export async function poll(id: string) {
  const { rows } = await pool.query("SELECT * FROM renders WHERE id = $1", [id]);
  const render = rows[0];
  if (render.video_status === 5) return null;
  const res = await fetch(
    `https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${render.task_id}`,
    { headers: { "x-api-key": process.env.AKOOL_API_KEY! } },
  );
  const json = await res.json();
  return json.data.video_status;
}
