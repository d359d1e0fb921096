// Rewrites saved asset URLs off the retired AKOOL host.
const HOST_RULES = [{ from: "https://api.akool.com", to: "https://openapi.akool.com" }];

export function migrate(url: string): string {
  for (const rule of HOST_RULES) {
    url = url.replace(rule.from, rule.to);
  }
  return url;
}

const rules: Array<{ from: string; to: string }> = [
  {
    from: "https://api.akool.com/api/open/v3",
    to: "https://openapi.akool.com/api/open/v3",
  },
];

export function migrateAll(urls: string[]): string[] {
  return urls.map((u) => rules.reduce((acc, r) => acc.replace(r.from, r.to), u));
}
