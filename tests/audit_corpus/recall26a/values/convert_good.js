const V3 = "https://openapi.akool.com/api/open/v3";
const post = (path, body) => fetch(V3 + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

export const a = (p, au) => post("/content/video/createbytalkingphoto", { talking_photo_url: p, audio_url: au, resolution: String(1080) });
export const b = (p, au) => post("/content/video/createbytalkingphoto", { talking_photo_url: p, audio_url: au, resolution: (720).toString() });
export const c = (p, au) => post("/content/video/createbytalkingphoto", { talking_photo_url: p, audio_url: au, resolution: 1080 + "" });
