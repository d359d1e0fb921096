const AKOOL_ROUTE_API_URL = `${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/api/akool`;

export const talk = (body: object) =>
  fetch(`${AKOOL_ROUTE_API_URL}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) });
export const swap = (body: object) =>
  fetch(AKOOL_ROUTE_API_URL + '/faceswap/create', { method: 'POST', body: JSON.stringify(body) });
