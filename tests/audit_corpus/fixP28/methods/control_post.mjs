import express from "express";

const AKOOL = "https://openapi.akool.com/api/open/v3";
const app = express();

app.post("/webhook", (req, res) => res.sendStatus(204));

app.get("/jobs/:id", async (req, res) => {
  const r = await fetch(`${AKOOL}/faceswap/result/listbyids?_ids=${req.params.id}`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  res.json(await r.json());
});
