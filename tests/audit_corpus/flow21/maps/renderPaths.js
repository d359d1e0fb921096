// The render service's AKOOL endpoints, by job kind (read by pollRender.js).
export const RENDER_PATHS = {
  lipsync: {
    statusPath: "/v3/content/video/infobymodelid",
    retryPath: "/v3/content/video/lipsync/retry",
  },
  translation: {
    statusPath: "/v3/content/video/translation/status",
    retryPath: "/v3/content/video/createbytranslate",
  },
};
