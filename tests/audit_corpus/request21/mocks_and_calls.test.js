// Mocks beside real calls: the mocked answers are not requests, the calls after them are.
const nock = require("nock")
const { http, HttpResponse } = require("msw")

const BASE = "https://openapi.akool.com/api/open/v3"
const handlers = [
  http.post(`${BASE}/content/image/createbyprompt`, () => HttpResponse.json({ code: 1000, data: { _id: "i" } })),
]

test("image", async () => {
  const scope = nock("https://openapi.akool.com")
  scope.post("/api/open/v3/content/image/createbyprompt").reply(200, { code: 1000, data: { _id: "i" } })
  scope
    .get("/api/open/v3/content/video/infobymodelid")
    .query({ video_model_id: "i" })
    .reply(200, { code: 1000, data: { image_status: 3 } })
  const res = await fetch(`${BASE}/content/image/createbyprompt`, {
    method: "POST",
    body: JSON.stringify({ prompt: "a cat", size: "1:1" }),
  })
  await fetch(`${BASE}/content/video/infobymodelid`)
  expect(res.ok).toBe(true)
})
