import axios from 'axios';

const http = axios.create({
  baseURL: 'https://openapi.akool.com/api/open',
  headers: { 'x-api-key': process.env.AKOOL_API_KEY ?? '' },
});

export async function listVoices(type = 2) {
  const { data } = await http.get('/v4/voice/list', { params: { type } });
  return data;
}

export async function listSessions() {
  const res = await http.get('/v4/liveAvatar/session/list', { params: { page: 1 } });
  return res.data.data;
}

export async function akoolList(path: string, params: Record<string, unknown> = {}) {
  const res = await http.get(path, { params });
  return res.data;
}
