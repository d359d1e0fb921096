export function fixUrl(url) {
  return url.replace("https://api.akool.com/", "https://openapi.akool.com/");
}
export const isLegacy = (u) => new URL(u).host === "api.akool.com";
