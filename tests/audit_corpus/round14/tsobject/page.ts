import { akool, Akool, akoolGet } from './akool';

export async function avatarIds() {
  const r = await akool.avatars();
  return r.data.map((x: { avatar_id: string }) => x.avatar_id);
}

export async function voiceIds() {
  const d = await Akool.voices();
  return d.map((x: { voice_id: string }) => x.voice_id);
}

export async function firstPage() {
  return akoolGet('/v4/voice/list', { page: '1' });
}

// Right: as the docs give them.
export async function avatarIdsRight() {
  const r = await akool.avatars();
  return r.data.result.map((x: { avatar_id: string }) => x.avatar_id);
}

export async function voiceIdsRight() {
  const d = await Akool.voices();
  return d.result.map((x: { voice_id: string }) => x.voice_id);
}

export async function firstPageRight() {
  return akoolGet('/v4/voice/list', { type: '2', page: '1' });
}
