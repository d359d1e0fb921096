export const AKOOL = {
  BASE: "https://openapi.akool.com/api/open/v3",
  PATHS: {
    TALK: "/content/video/createbytalkingphoto",
    INFO: "/content/video/infobymodelid",
  },
} as const;
