const AK = "https://openapi.akool.com/api/open/v3";
const fwd = (b) => fetch(`${AK}/content/video/createbytalkingphoto`, { method: "POST", headers: { "x-api-key": "k" }, body: JSON.stringify(b) });

router.post(
  "/api/open/v3/photo/talking",
  async (req, res) => res.json(await (await fwd(req.body)).json()),
);
