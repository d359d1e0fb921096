// An axios instance with AKOOL's base: one-segment paths are judged; axios itself has no base.
const axios = require("axios");
const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
api.get("/avatars");
axios.get("/content/video/status");
