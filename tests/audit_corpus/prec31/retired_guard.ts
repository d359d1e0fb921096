// Refuse to build requests for endpoints AKOOL has retired.
const RETIRED: Set<string> = new Set([
  "/api/open/v3/content/image/createbyimagine",
  "/api/open/v3/avatar/createVideoo",
]);

export function assertCurrent(path: string): string {
  if (RETIRED.has(path)) throw new Error(`${path} is retired by AKOOL`);
  return path;
}
