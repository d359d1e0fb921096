const LEGACY = ["https://api.akool.com"] as const;
export const isLegacy = (url: string) => LEGACY.some((l) => url.startsWith(l));
