import { appConfig } from './appConfig';

const AKOOL_GATEWAY_API = appConfig.AKOOL_GATEWAY_URL;

export async function faceSwap(src: string, dst: string) {
  const res = await fetch(`${AKOOL_GATEWAY_API}/faceswap/create`, { method: 'POST', body: JSON.stringify({ src, dst }) });
  return res.json();
}

export const talkingPhoto = (image: string) =>
  fetch(`${appConfig.AKOOL_GATEWAY_URL}/talking-photo/create`, { method: 'POST', body: JSON.stringify({ image }) });
