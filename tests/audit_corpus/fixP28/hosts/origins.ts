const ALLOWED = new Set(["https://openapi.akool.com", "https://api.akool.com"]);

export function isAkool(u: string): boolean {
  return ALLOWED.has(new URL(u).origin);
}

export function isLegacy(origin: string): boolean {
  return new Set(["https://api.akool.com", "https://sg3.akool.com"]).has(origin);
}
