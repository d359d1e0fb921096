import { AKOOL_API_BASE } from '@/lib/akool';

export const generate = (prompt: string) =>
  fetch(`${AKOOL_API_BASE}/v3/image/generate`, { method: 'POST', body: JSON.stringify({ prompt }) });
export const detect = (url: string) =>
  fetch(`${process.env.AKOOL_API_URL}/v3/face/detect`, { method: 'POST', body: JSON.stringify({ url }) });
// Not AKOOL-shaped and naming no product: left alone.
export const health = () => fetch(`${AKOOL_API_BASE}/v1/healthz`);
