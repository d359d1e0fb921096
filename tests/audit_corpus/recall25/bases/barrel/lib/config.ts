export const AKOOL = {
  base: process.env.AKOOL_BASE_URL ?? "https://openapi.akool.com",
  key: process.env.AKOOL_API_KEY ?? "",
};
export const V3 = `${AKOOL.base}/api/open/v3`;
export const V4 = `${AKOOL.base}/api/open/v4`;
