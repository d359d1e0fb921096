// Our own API: users, media library and render jobs.
import { apiGet, apiPost } from "@/lib/fetcher";

const RENDER_PATHS = {
  video: "/v2/content/video/info",
  image: "/v2/content/image/info",
};

export const userInfo = (id: string) => apiGet("/v3/users/info", { id });
export const renderStatus = (kind: "video" | "image", id: string) => apiGet(RENDER_PATHS[kind], { id });
export const createRender = (title: string) => apiPost("/v3/content/video/render", { title, resolution: "720p" });
