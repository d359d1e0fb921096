const BASE = process.env.NEXT_PUBLIC_AKOOL_API;

export async function createTalkingPhoto(image: string) {
  const res = await fetch(`${BASE}/content/video/talking-photo`, { method: 'POST', body: JSON.stringify({ image }) });
  return res.json();
}
