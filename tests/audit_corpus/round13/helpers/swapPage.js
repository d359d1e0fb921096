import { akoolFetch } from "../../lib/akool";

export const swap = (body) => akoolFetch("/v3/faceswap/create", { method: "POST", body });
export const lipSync = (body) => akoolFetch(`/v3/lip-sync/create`, { method: "POST", body });
export const detect = (url) => akoolFetch("/api/open/v3/face/detect", { method: "POST", body: { url } });
export const generate = (prompt) =>
  akoolFetch(
    "/v2/image/generate",
    { method: "POST", body: { prompt } },
  );
