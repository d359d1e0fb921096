import { rest } from "msw";
import { setupServer } from "msw/node";

const server = setupServer(
  rest.get(
    "https://openapi.akool.com/api/open/v3/content/video/infobymodelid",
    (req, res, ctx) => res(ctx.json({ code: 1000, data: { video_status: 3 } })),
  ),
);

test("polls", async () => {
  server.listen();
  // WRONG: the test calls a path AKOOL does not document (must be found)
  const r = await fetch("https://openapi.akool.com/api/open/v3/content/video/getvideostatus");
  expect(r.ok).toBe(true);
});
