const clientConfig = {
  AKOOL_CLIENT_API_URL: process.env.NEXT_PUBLIC_AKOOL_CLIENT_API_URL ?? '/api/akool',
};
const { AKOOL_CLIENT_API_URL } = clientConfig;

export const talk = (body: object) =>
  fetch(`${AKOOL_CLIENT_API_URL}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) });
