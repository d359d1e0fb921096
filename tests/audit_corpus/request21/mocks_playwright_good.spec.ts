import { test } from "@playwright/test";
test("x", async ({ page }) => {
  await page.route("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", (route) => route.fulfill({ json: { code: 1000, data: { _id: "abc" } } }));
});
