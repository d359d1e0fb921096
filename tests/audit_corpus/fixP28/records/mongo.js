const axios = require("axios");
const Render = require("./models/render");

async function check(id) {
  const render = await Render.findById(id).lean();
  if (render.video_status === 5) return render;
  const { data } = await axios.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", {
    params: { video_model_id: render.taskId },
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  return data.data;
}
module.exports = { check };
