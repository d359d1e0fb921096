const AKOOL_SERVICE_URL = typeof window !== 'undefined'
  ? '/api/akool'
  : process.env.AKOOL_SERVICE_URL;

export const talk = (body: object) =>
  fetch(`${AKOOL_SERVICE_URL}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) });
