import axios, { AxiosInstance } from "axios";

export class Akool {
  private v3: AxiosInstance;
  private v4: AxiosInstance;
  constructor(key: string) {
    this.v3 = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3", headers: { "x-api-key": key } });
    this.v4 = axios.create({
      headers: { "x-api-key": key },
      baseURL: "https://openapi.akool.com/api/open/v4",
    });
  }
  faces() {
    return this.v3.get("/faceswap/result/listbyids", { params: { _ids: "a" } });
  }
  voices() {
    return this.v4.get("/voice/list", { params: { type: 1 } });
  }
}
