const nock = require("nock");
const { talk } = require("../src/akool");

test("talk", async () => {
  nock("https://openapi.akool.com")
    .post("/api/open/v3/content/video/createbytalkingphoto")
    .reply(200, { code: 1000, msg: "OK", data: { _id: "abc", video_status: 1 } });
  nock("https://openapi.akool.com")
    .get("/api/open/v3/content/video/infobymodelid")
    .query({ video_model_id: "abc" })
    .reply(200, { code: 1000, data: { video_status: 3, video: "https://v" } });
  expect(await talk("p", "a")).toBe("https://v");
});
