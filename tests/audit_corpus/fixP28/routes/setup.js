const { rest } = require("msw");
const { setupServer } = require("msw/node");

const server = setupServer(
  rest.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", (req, res, ctx) => {
    const { resolution } = req.body;
    return res(ctx.json({ code: 1000, data: { _id: "v", video_status: resolution === "720" ? 1 : 2 } }));
  }),
  rest.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", (req, res, ctx) => {
    if (req.url.searchParams.get("video_model_id") === "bad") {
      return res(ctx.status(200), ctx.json({ code: 1000, data: { video_status: 4 } }));
    }
    return res(ctx.json({ code: 1000, data: { video_status: 3, video: "https://x/v.mp4" } }));
  }),
);
module.exports = { server };
