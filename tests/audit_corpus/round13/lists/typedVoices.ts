import { akoolFetch } from '@/lib/akool';

interface Voice { voice_id: string }

export async function voiceIds() {
  const voices: Voice[] = (await akoolFetch('/v4/voice/list?type=1')).data;
  return voices.map((v) => v.voice_id);
}

export async function voiceIdsRight() {
  const voices: Voice[] = (await akoolFetch('/v4/voice/list?type=1')).data.result;
  return voices.map((voice) => voice.voice_id);
}
