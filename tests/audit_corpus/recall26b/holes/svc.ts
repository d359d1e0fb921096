import axios from "axios";

const createClient = () => axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
const client = createClient();

export const g = (id: string) => client.get(`/faceswap/status/${encodeURIComponent(id)}`);
export const h = (id: string) => client.get(`/content/video/status/${String(id)}`);
export const ok = (id: string) => client.get(`/content/video/infobymodelid?video_model_id=${encodeURIComponent(id)}`);
export const ok2 = (ids: string[]) => client.get(`/faceswap/result/listbyids?_ids=${ids.join(",")}`);
