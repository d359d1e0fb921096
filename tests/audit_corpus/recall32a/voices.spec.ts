import { test, expect } from "@playwright/test";

const V4 = "https://openapi.akool.com/api/open/v4";
const headers = { "x-api-key": process.env.AKOOL_API_KEY! };

test("voice list answers", async ({ request }) => {
  const res = await request.get(`${V4}/voice/list`, { headers, params: { page: 1, size: 20 } });
  expect(res.ok()).toBeTruthy();
  const body = await res.json();
  expect(body.code).toBe(1000);
});

test("voice list of type 1", async ({ request }) => {
  const res = await request.get(`${V4}/voice/list`, { headers, params: { type: 1, page: 1, size: 20 } });
  expect(res.ok()).toBeTruthy();
});
