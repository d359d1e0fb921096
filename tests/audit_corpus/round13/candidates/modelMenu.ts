import { akoolGet, akoolRequest } from '@/lib/akool';

export const models = () => akoolRequest('GET', '/api/open/v4/aigModel/list');
export const resources = (page: number) => akoolGet(`/api/open/v4/voice/resource/list?page=${page}&size=20`);
export const voices = () => akoolRequest('/api/open/v4/voice/list', { method: 'GET' });
export const swaps = () => akoolGet('/api/open/v3/faceswap/result/listbyids');
// Right: the required query is there, or a params object may carry it.
export const voicesRight = () => akoolGet('/api/open/v4/voice/list?type=2&page=1');
export const voicesParams = () => akoolGet('/api/open/v4/voice/list', { params: { type: 1 } });
