// AKOOL endpoints of the admin app (umi request; AKOOL_API_KEY is added by the proxy).
import request from "@/utils/request";

export async function akoolHeadswapInfo(taskId: string) {
  return request({
    url: "/v4/headswap/task/info",
    method: "get",
    params: { task_id: taskId },
  });
}

export const akoolLipsync = (data: object) => request({ url: "/v3/content/video/lipsync", method: "post", data });
export const akoolAvatars = () => request.get("/v3/avatar/lists");
