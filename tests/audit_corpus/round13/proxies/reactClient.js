const AKOOL_URL = process.env.REACT_APP_AKOOL_API_URL ? process.env.REACT_APP_AKOOL_API_URL : '/api/akool';

export function createVideo(body) {
  return fetch(`${AKOOL_URL}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
}

export const swapFaces = (body) => fetch(`${AKOOL_URL}/faceswap/create`, { method: 'POST', body: JSON.stringify(body) });
