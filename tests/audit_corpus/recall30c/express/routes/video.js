const router = require("express").Router();
const akool = require("../lib/akoolClient");

router.post("/", async (req, res, next) => {
  try {
    const { data } = await akool.post("/content/video/createbytalkingphoto", {
      talking_photo_url: req.body.photo,
      audio_url: req.body.audio,
    });
    res.status(202).json({ id: data.data._id });
  } catch (e) {
    next(e);
  }
});

router.get("/:id", async (req, res, next) => {
  try {
    const { data } = await akool.get(`/content/video/status/${req.params.id}`);
    res.json(data.data);
  } catch (e) {
    next(e);
  }
});

module.exports = router;
