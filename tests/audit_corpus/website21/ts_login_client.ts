import axios from "axios";

const akoolSite = axios.create({ baseURL: "https://api.akool.com" });

export async function signIn(email: string, password: string) {
  const { data } = await akoolSite.post("/api/v1/public/login", { email, password });
  return data;
}

export async function listVoices(apiKey: string) {
  const { data } = await akoolSite.get("/api/open/v3/voice/list", { headers: { "x-api-key": apiKey } });
  return data;
}
