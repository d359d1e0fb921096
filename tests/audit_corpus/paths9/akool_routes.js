// Our Express server's AKOOL routes: the paths mirror AKOOL's, the handlers call AKOOL.
const express = require("express");
const handlers = require("./akool/handlers");
const api = require("./akool/apiRouter");

const router = express.Router();

router.get("/v3/content/video/info", handlers.akoolVideoInfo);
api.get("/v4/headswap/task/info", handlers.akoolHeadswapInfo);
api.post("/v4/lipsync/create", handlers.akoolLipsync);

module.exports = router;
