const AK = "https://openapi.akool.com/api/open/v3";
const fwd = (b) => fetch(`${AK}/content/video/createbytalkingphoto`, { method: "POST", headers: { "x-api-key": "k" }, body: JSON.stringify(b) });

export const handlers = [
  http.post("/api/open/v3/photo/talking", () => HttpResponse.json({ code: 1000 })),
];
