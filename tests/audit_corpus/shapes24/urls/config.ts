export const AKOOL_TP_URL = process.env.AKOOL_TP_URL || "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
export const AKOOL_INFO_URL = process.env.AKOOL_INFO_URL ?? "https://openapi.akool.com/api/open/v3/content/video/infobymodelid";
