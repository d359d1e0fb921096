export const STATUS_PATHS = {
  image2video: { getPath: "/v4/image2video/info", postFallback: "/v4/image2video/detail" },
  talkingPhoto: { getPath: "/v3/content/video/status", postFallback: "/v3/content/video/detail" },
};
