import axios, { AxiosInstance } from "axios";

export const makeAkool = (key: string): AxiosInstance =>
  axios.create({ baseURL: "https://openapi.akool.com/api/open/v1", headers: { "x-api-key": key } });

export async function faceswapResult(key: string, ids: string) {
  const { data } = await makeAkool(key).get(`/faceswap/result/listbyids?_ids=${ids}`);
  return data;
}

export async function renameAvatar(key: string, id: string, name: string) {
  return makeAkool(key).put(`/avatar/${id}`, { name });
}

export class AkoolService {
  private http: AxiosInstance;

  constructor(key: string) {
    this.http = axios.create({
      baseURL: "https://openapi.akool.com/api/open/v3",
      headers: { "x-api-key": key },
    });
  }

  async avatars() {
    const res = await this.http.get("/avatar/list?from=2");
    return res.data;
  }

  async status(id: string) {
    const res = await this.http.get(`/content/video/status/${id}`);
    return res.data;
  }
}
