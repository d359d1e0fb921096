import { akoolFetchJson, akoolSend } from "./jobClient.js";

// Where each kind of job is polled, and what is tried when that fails.
const JOB_STATUS_PATHS = {
  video: {
    getPath: "/v3/content/video/infobymodelid",
    postFallback: "/v3/content/video/status",
  },
  image: {
    getPath: "/v3/content/image/infobymodelid",
    postFallback: "/v3/content/image/result",
  },
  avatar: {
    getPath: "/v4/talkingAvatar/info",
    postFallback: "/v4/talkingAvatar/status",
  },
  headswap: { getPath: "/v4/headswap/task/detail", postFallback: "/v4/headswap/task/result" },
};

export async function pollJob(kind, id) {
  const config = JOB_STATUS_PATHS[kind];
  const got = await akoolFetchJson(`${config.getPath}?video_model_id=${id}`);
  if (got.code === 1000) return got.data;
  return akoolSend(config.postFallback, { _id: id });
}
