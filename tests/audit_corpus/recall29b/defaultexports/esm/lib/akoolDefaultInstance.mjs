import axios from "axios";
export default axios.create({ baseURL: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": process.env.K } });
export const named = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
