import { request as akoolRequest } from '@/lib/akool';

const IMAGE_PATH = '/v3/image/generate';
const DETECT_PATH = '/v3/detect-faces';

export const generate = (prompt: string) => akoolRequest(IMAGE_PATH, { prompt });
export const detect = (url: string) => akoolRequest(DETECT_PATH, { url });
