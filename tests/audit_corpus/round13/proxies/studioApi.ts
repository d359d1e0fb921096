// Browser client of our Next.js route handlers, which forward to AKOOL with the key server-side.
const STUDIO_AKOOL_BASE =
  process.env.NEXT_PUBLIC_AKOOL_API_URL ??
  '/api/akool';

export async function createTalkingPhoto(image: string, audio: string) {
  const res = await fetch(`${STUDIO_AKOOL_BASE}/talking-photo/create`, {
    method: 'POST',
    body: JSON.stringify({ image, audio }),
  });
  return res.json();
}

export const faceSwap = (source: string, target: string) =>
  fetch(`${STUDIO_AKOOL_BASE}/faceswap`, { method: 'POST', body: JSON.stringify({ source, target }) });
