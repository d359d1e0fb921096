import axios from "axios";

export const akoolApi = axios.create({
  baseURL: process.env.AKOOL_BASE_URL || "https://openapi.akool.com/api/open/v3",
  headers: { "x-api-key": process.env.AKOOL_API_KEY ?? "" },
});

export function createAkoolClient(key: string) {
  return axios.create({
    baseURL: "https://openapi.akool.com/api/open/v3",
    headers: { "x-api-key": key },
  });
}

export const storage = axios.create({ baseURL: "https://files.example.com/v1" });
