// The same reads, as the docs give them: these must stay silent.
import { akoolGet, getAvatars, getLanguages, getVoices } from './akool';

export async function avatarOptions() {
  const avatars = await getAvatars();
  return avatars.data.result.map((a: { avatar_id: string; name: string }) => ({ id: a.avatar_id, label: a.name }));
}

export async function avatarTotal() {
  const { data } = await getAvatars();
  return data.count;
}

export async function voiceOptions() {
  const voices = await getVoices();
  return voices.result.map((v: { voice_id: string }) => v.voice_id);
}

export async function defaultVoice() {
  const data = await getVoices(1);
  return data.result[0].voice_id;
}

export async function languageCodes() {
  const langs = await getLanguages();
  return langs.data.lang_list.map((l: { lang_code: string }) => l.lang_code);
}

export async function cloneVoices() {
  const out = await akoolGet('/v4/voice/list', { type: 1, page: 1, size: 50 });
  return out.data.result;
}

export async function resourceFiles(type: string) {
  return akoolGet('/v4/voice/resource/list', { type, page: 1 });
}

export async function search(filters: Record<string, string>) {
  return akoolGet('/v4/voice/list', filters);
}

export function voiceIdsLater() {
  return getVoices().then((list) => list.result.map((v: { voice_id: string }) => v.voice_id));
}
