const express = require("express");
const app = express();
const AKOOL = "https://openapi.akool.com";
const H = { "x-api-key": process.env.AKOOL_API_KEY };

// our mobile app polls this; it forwards to AKOOL's documented call
app.get("/api/open/v3/content/video/status/:id", async (req, res) => {
  const r = await fetch(`${AKOOL}/api/open/v3/content/video/infobymodelid?video_model_id=${req.params.id}`, { headers: H });
  res.json(await r.json());
});

app
  .route("/api/open/v3/photo/talking")
  .post(async (req, res) => {
    const r = await fetch(`${AKOOL}/api/open/v3/content/video/createbytalkingphoto`, {
      method: "POST", headers: { ...H, "Content-Type": "application/json" }, body: JSON.stringify(req.body),
    });
    res.json(await r.json());
  });

app.listen(3000);
