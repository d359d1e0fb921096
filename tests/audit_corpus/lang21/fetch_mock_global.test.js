test("fetch", async () => {
  fetchMock.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", { code: 1000, data: { _id: "x" } });
});
