import axios from 'axios';

const BASE = 'https://openapi.akool.com/api/open/v3';
const headers = { 'x-api-key': process.env.AKOOL_API_KEY as string };

// axios's request-config form: baseURL and url are options of the one request
export async function a() {
  return axios({ method: 'post', baseURL: BASE, url: '/photo/talking', headers, data: { talking_photo_url: 'p', audio_url: 'a' } });
}
export async function b() {
  return axios.request({ method: 'post', baseURL: BASE, url: '/voice/lists', headers });
}
export async function c() {
  return axios.post('/content/video/createbytalkingphoto',
    { talking_photo_url: 'p', audio_url: 'a', resolution: '720p' }, { baseURL: BASE, headers });
}
export async function d(id: string) {
  return axios.get('/content/video/status/' + id, { baseURL: BASE, headers });
}
