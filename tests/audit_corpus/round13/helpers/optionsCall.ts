import { callAkool } from '@/lib/akool';

export const talk = (body: object) => callAkool({ path: '/v3/talkingphoto/create', method: 'POST', body });
export const image = (body: object) => callAkool({ endpoint: '/v3/image/generate', body });
export const lipSync = (body: object) =>
  callAkool({
    method: 'POST',
    url: '/v3/lipsync/create',
    body,
  });
