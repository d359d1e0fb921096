import { akoolRequest } from '@/lib/akool';

export async function voiceIds(): Promise<string[]> {
  const res = await akoolRequest('/api/open/v4/voice/list?type=1');
  return res.data.map((v: { voice_id: string }) => v.voice_id);
}

export async function firstVoice() {
  const { data } = await akoolRequest('/v4/voice/list?type=2');
  return data[0];
}

// Right: the list is data.result.
export async function voiceIdsRight(): Promise<string[]> {
  const res = await akoolRequest('/api/open/v4/voice/list?type=1');
  return res.data.result.map((v: { voice_id: string }) => v.voice_id);
}

// Right: avatar/list's data is the list itself.
export async function avatarIds(): Promise<string[]> {
  const { data } = await akoolRequest('/api/open/v3/avatar/list');
  return data.map((a: { avatar_id: string }) => a.avatar_id);
}
