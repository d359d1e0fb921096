export const STATUS_PATHS = {
  image2video: { getPath: "/v4/image2video/get", postFallback: "/v4/image2video/fetch" },
  talkingPhoto: { getPath: "/v3/content/video/state", postFallback: "/v3/content/video/info" },
};
