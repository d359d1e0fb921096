const LEGACY = "https://api.akool.com";
export function migrate(saved: string[]): string[] {
  return saved.map((u) => (u.startsWith(LEGACY) ? "https://openapi.akool.com" + u.slice(LEGACY.length) : u));
}
export const isOld = (u: string) => u.includes("api.akool.com/") && !u.includes("openapi.akool.com");
