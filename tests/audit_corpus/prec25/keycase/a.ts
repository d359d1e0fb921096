import axios from "axios";
import snakecaseKeys from "snakecase-keys";

const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
api.interceptors.request.use((config) => {
  if (config.data) config.data = snakecaseKeys(config.data, { deep: true });
  return config;
});

export async function talk(talkingPhotoUrl: string, audioUrl: string) {
  const { data } = await api.post("/content/video/createbytalkingphoto", { talkingPhotoUrl, audioUrl, resolution: "1080" });
  return data.data._id;
}
