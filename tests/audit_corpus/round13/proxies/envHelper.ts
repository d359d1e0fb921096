function readEnv(name: string, fallback: string): string {
  return (import.meta as any).env?.[name] ?? fallback;
}

const AKOOL_ENDPOINT = readEnv('VITE_AKOOL_ENDPOINT', '/api/akool');

export const createTalkingPhoto = (body: unknown) =>
  fetch(`${AKOOL_ENDPOINT}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) });
export const faceswap = (body: unknown) =>
  fetch(AKOOL_ENDPOINT + '/faceswap/create', { method: 'POST', body: JSON.stringify(body) });
