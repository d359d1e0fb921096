import { akoolRequest } from '@/lib/akool';

export async function loadVoices() {
  const res = await akoolRequest('/v4/voice/list?type=1');
  return (res.data || []).map((v: { voice_id: string }) => v.voice_id);
}

export async function defaultVoice() {
  const res = await akoolRequest('/v4/voice/list?type=2');
  if (res.data.length === 0) return null;
  return res.data[0].voice_id;
}

export async function firstVoice() {
  const res = await akoolRequest('/api/open/v4/voice/resource/list?type=1');
  const [first] = res.data;
  return first;
}

export async function renamed() {
  const { data: voices } = await akoolRequest('/v4/voice/list?type=1');
  return voices.map((v: { voice_id: string }) => v.voice_id);
}
