const readEnv = (k: string) => process.env[k] || '/api/akool';
const AKOOL_PROXY_API_URL = readEnv('NEXT_PUBLIC_AKOOL_API_URL');

export const talk = (body: object) =>
  fetch(`${AKOOL_PROXY_API_URL}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) });
