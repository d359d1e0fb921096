import axios from "axios";

export const akool = axios.create();

akool.interceptors.request.use((config) => {
  config.baseURL = "https://openapi.akool.com/api/open/v3";
  config.headers["x-api-key"] = process.env.AKOOL_KEY!;
  return config;
});

export async function listVoices() {
  const r = await akool.get("/voice/lists", { params: { from: 3 } });
  return r.data.data;
}
