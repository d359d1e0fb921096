export { V3, V4 } from "./config.js";
