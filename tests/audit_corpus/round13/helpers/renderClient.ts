import { renderRequest } from '@/lib/render';

// Our own render service: its versioned routes are not AKOOL's.
export const render = (scene: string) => renderRequest('/v3/image/generate', { scene });
export const status = (id: string) => renderRequest(`/v1/video/status/${id}`);
