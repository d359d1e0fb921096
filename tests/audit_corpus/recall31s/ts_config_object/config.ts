export const AkoolSettings = {
  baseUrl: process.env.AKOOL_BASE_URL || "https://openapi.akool.com/api/open",
  timeoutMs: 30_000,
};
