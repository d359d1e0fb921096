const axios = require("axios");
const { Render } = require("./models");

const akool = axios.create({
  baseURL: "https://openapi.akool.com/api/open/v3",
  headers: { "x-api-key": process.env.AKOOL_KEY },
});

async function status(req, res) {
  const render = await Render.findOne({ where: { id: req.params.id } });
  if (render.video_status === 5) {
    return res.json({ state: "finished" });
  }
  if (render.status === "done") return res.json({ state: "done" });
  const { data } = await akool.get("/content/video/infobymodelid", {
    params: { video_model_id: render.taskId },
  });
  if (data.data.video_status === 3) {
    await render.update({ videoUrl: data.data.video });
  }
  res.json({ state: data.data.video_status });
}

module.exports = { status };
