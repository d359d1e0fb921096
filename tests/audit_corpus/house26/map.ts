const REWRITES = new Map([["https://api.akool.com", "https://openapi.akool.com"]]);
export const normalise = (u: string) => {
  for (const [a, b] of REWRITES) if (u.startsWith(a)) return b + u.slice(a.length);
  return u;
};
