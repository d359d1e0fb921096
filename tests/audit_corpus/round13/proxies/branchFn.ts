function getAkoolBaseUrl(): string {
  if (typeof window === 'undefined') {
    return process.env.AKOOL_SERVER_API_URL!;
  }
  return '/api/akool';
}

const AKOOL_BRANCH_BASE_URL = getAkoolBaseUrl();

export const swap = (body: object) =>
  fetch(`${AKOOL_BRANCH_BASE_URL}/faceswap/create`, { method: 'POST', body: JSON.stringify(body) });
