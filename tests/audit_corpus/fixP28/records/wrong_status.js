// WRONG: AKOOL's answer has no video_status 5 (must be found)
const axios = require("axios");
const { Render } = require("./models");

async function poll(id, taskId) {
  const render = await Render.findOne({ where: { id } });
  const res = await axios.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", {
    params: { video_model_id: taskId },
    headers: { "x-api-key": process.env.AKOOL_KEY },
  });
  if (res.data.data.video_status === 5) {
    await render.update({ failed: true });
  }
}
module.exports = { poll };
