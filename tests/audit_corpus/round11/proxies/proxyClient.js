const AKOOL_BASE = process.env.NEXT_PUBLIC_AKOOL_BASE_URL || './api';
export const talkingPhoto = (body) => fetch(`${AKOOL_BASE}/talking-photo/create`, { method: 'POST', body: JSON.stringify(body) }).then(r => r.json());
export const status = (id) => fetch(AKOOL_BASE + '/video/status/' + id).then(r => r.json());
