import express from "express";

const AKOOL = "https://openapi.akool.com/api/open/v3";
const app = express();

async function akool(path) {
  const res = await fetch(AKOOL + path, { headers: { "x-api-key": process.env.AKOOL_API_KEY } });
  return res.json();
}

app.post("/webhook", (req, res) => res.sendStatus(204));

app.get("/jobs/:id", async (req, res) => {
  res.json(await akool(`/faceswap/result/listbyids?_ids=${req.params.id}`));
});

app.listen(3000);
