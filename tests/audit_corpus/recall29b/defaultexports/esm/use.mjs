import akool, { named } from "./lib/akoolDefaultInstance.mjs";
await akool.get("/content/video/detail");
await named.get("/content/video/detail");
