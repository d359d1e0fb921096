import { rest } from "msw";

const BASE = "https://openapi.akool.com/api/open/v3";

export const handlers = [
  rest.post(`${BASE}/content/video/createbytalkingphoto`, async (req, res, ctx) => {
    const body = await req.json();
    if (!body.talking_photo_url) {
      return res(ctx.status(400), ctx.json({ code: 1003, msg: "talking_photo_url required" }));
    }
    return res(ctx.json({ code: 1000, msg: "OK", data: { _id: "64f0", video_status: 1, video: "" } }));
  }),
  rest.get(`${BASE}/content/video/infobymodelid`, (req, res, ctx) => {
    const id = req.url.searchParams.get("video_model_id");
    return res(
      ctx.json({ code: 1000, data: { _id: id, video_status: 3, video: "https://cdn.example.com/v.mp4" } }),
    );
  }),
  rest.post(
    "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage",
    (req, res, ctx) => res(ctx.json({ code: 1000, data: { _id: "f1", job_id: "j1", url: "u" } })),
  ),
  rest.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", (req, res, ctx) =>
    res(ctx.delay(50), ctx.json({ code: 1000, data: { _id: "i1", image_status: 1 } })),
  ),
  rest.get("https://openapi.akool.com/api/open/v3/faceswap/quota/info", (req, res, ctx) =>
    res(ctx.json({ code: 1000, data: { credit: 100 } })),
  ),
];
