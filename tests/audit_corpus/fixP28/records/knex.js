const axios = require("axios");
const knex = require("./db");

async function poll(id) {
  const render = await knex("renders").where({ id }).first();
  if (render.video_status === 5) return;
  const { rows } = await knex.raw("SELECT * FROM renders WHERE id = ?", [id]);
  if (rows[0].video_status === 5) return;
  const res = await axios.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", {
    params: { video_model_id: render.task_id },
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  return res.data.data.video_status;
}
module.exports = { poll };
