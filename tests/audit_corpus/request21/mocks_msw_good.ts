import { http, HttpResponse } from "msw";
const BASE = "https://openapi.akool.com/api/open/v3";
export const handlers = [
  http.post(`${BASE}/content/video/createbytalkingphoto`, () => HttpResponse.json({ code: 1000, data: { _id: "abc" } })),
  http.get(`${BASE}/content/video/infobymodelid`, () => HttpResponse.json({ code: 1000, data: { video_status: 3, video: "https://v" } })),
];
