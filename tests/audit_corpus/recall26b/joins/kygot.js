import ky from "ky";
import got from "got";
const api = ky.create({ prefixUrl: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": process.env.AKOOL_API_KEY } });
export const credit = () => api.get("/faceswap/quota/info").json();
const g = got.extend({ prefixUrl: "https://openapi.akool.com/api/open/v3" });
export const credit2 = () => g.get("/faceswap/quota/info").json();
