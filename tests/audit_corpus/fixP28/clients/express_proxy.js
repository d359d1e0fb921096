// The app's own routes (an Express router): paths it serves, no AKOOL call.
const express = require("express");
const axios = require("axios");

const router = express.Router();
const akool = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });

router.post(
  "/api/open/v3/content/video/getvideostatus",
  async (req, res) => {
    const { data } = await akool.get("/content/video/infobymodelid", {
      params: { video_model_id: req.body.id },
    });
    res.json(data);
  },
);

router.get("/api/open/v3/photo/talking", (req, res) => res.json({ ok: true }));

module.exports = router;
