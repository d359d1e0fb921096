import { akoolGet, getAvatars, getLanguages, getVoices } from './akool';

export async function avatarOptions() {
  const avatars = await getAvatars();
  return avatars.data.map((a: { avatar_id: string; name: string }) => ({ id: a.avatar_id, label: a.name }));
}

export async function firstAvatar() {
  const { data } = await getAvatars();
  return data.avatar_id;
}

export async function voiceOptions() {
  const voices = await getVoices();
  return voices.map((v: { voice_id: string }) => v.voice_id);
}

export async function defaultVoice() {
  const data = await getVoices(1);
  return data.voice_id;
}

export async function languageCodes() {
  const langs = await getLanguages();
  return langs.data.map((l: { lang_code: string }) => l.lang_code);
}

export async function cloneVoices() {
  const out = await akoolGet('/v4/voice/list', { page: 1, size: 50 });
  return out.data.result;
}

export async function resourceFiles() {
  return akoolGet('/v4/voice/resource/list', { page: 1 });
}

export async function spanishVoices() {
  return akoolGet('/v4/voice/list', { type: 2, language: 'es' });
}

export function voiceIdsLater() {
  return getVoices().then((list) => list.map((v: { voice_id: string }) => v.voice_id));
}
