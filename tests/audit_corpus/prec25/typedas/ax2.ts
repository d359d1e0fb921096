import axios, { AxiosResponse } from "axios";

const API = "https://openapi.akool.com/api/open/v3";
type Created = { code: number; data: { _id: string } };

export function gen(prompt: string) {
  return axios.post(`${API}/content/image/createbyprompt`, { prompt, size: "1:1" }) as Promise<AxiosResponse<Created>>;
}
