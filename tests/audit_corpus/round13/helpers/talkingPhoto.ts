import { akoolRequest } from '@/lib/akool';

export async function createTalkingPhoto(image: string, audio: string) {
  return akoolRequest('/v3/talkingphoto/create', {
    method: 'POST',
    body: JSON.stringify({ talking_photo_url: image, audio_url: audio }),
  });
}

export async function avatarVideo(avatarId: string, audio: string) {
  return akoolRequest<{ _id: string }>('/api/open/v3/avatar/video/create', {
    method: 'POST',
    body: JSON.stringify({ avatar_id: avatarId, audio_url: audio }),
  });
}

export const translationStatus = (id: string) => akoolRequest(`/v3/translation/status/${id}`);
