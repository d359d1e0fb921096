import akoolApi from "@/services/akoolApi";

export const lipSync = (body) => akoolApi.post("/v3/lipsync/create", body);
export const image = (body) => akoolApi.createJob("/v3/image/generate", body);
export const translate = (body) => akoolApi.submit("/v2/video/translate", body);
