const { NEXT_PUBLIC_AKOOL_API_BASE = '/api/akool' } = process.env;

export const talk = (body: object) =>
  fetch(`${NEXT_PUBLIC_AKOOL_API_BASE}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) });
