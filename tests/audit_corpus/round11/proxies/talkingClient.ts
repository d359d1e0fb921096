const AKOOL_BASE = process.env.NEXT_PUBLIC_AKOOL_API ?? '/api/akool';

export async function createTalkingPhoto(image: string, audio: string) {
  const res = await fetch(`${AKOOL_BASE}/talking-photo/create`, {
    method: 'POST',
    body: JSON.stringify({ image, audio }),
  });
  return res.json();
}

export async function getStatus(id: string) {
  const res = await fetch(`${AKOOL_BASE}/talking-photo/status?id=${id}`);
  return res.json();
}

export async function faceSwap(src: string, target: string) {
  return fetch(`${AKOOL_BASE}/faceswap/create`, { method: 'POST', body: JSON.stringify({ src, target }) });
}
