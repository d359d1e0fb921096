import fetchMock from "fetch-mock";
import { talk, info } from "./akool";
const TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
test("talk", async () => {
  fetchMock.post(TALK, { code: 1000, data: { _id: "x" } });
  fetchMock.mock("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", { body: { code: 1000, data: { _id: "x" } } });
  fetchMock.postOnce("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", { status: 200, body: { code: 1000, data: { _id: "y" } } });
  fetchMock.route("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", { code: 1000, data: { _id: "z" } });
  await talk("p", "a");
});
test("status", async () => {
  fetchMock.get("https://openapi.akool.com/api/open/v3/content/video/status?task_id=1", { code: 1000, data: { status: 3 } });
});
