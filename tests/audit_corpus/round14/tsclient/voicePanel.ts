import { akoolList, listSessions, listVoices } from './akoolApi';

export async function voiceNames(): Promise<string[]> {
  const body = await listVoices();
  return body.data.result.map((v: { voice_name: string }) => v.voice_name);
}

export async function firstVoiceId(): Promise<string> {
  const body = await listVoices(1);
  return body.data.voice_id;
}

export async function activeSessions() {
  const sessions = await listSessions();
  return sessions.filter((s: { status: number }) => s.status === 1);
}

export async function sessionTotal() {
  const sessions = await listSessions();
  return sessions.total;
}

export async function cloneList() {
  return akoolList('/v4/voice/list', { page: 1, size: 10 });
}

export async function resourceList() {
  return akoolList('/v4/voice/resource/list', { type: 1, lang: 'en' });
}

// Right: as the docs give them.
export async function voiceNamesRight(): Promise<string[]> {
  const body = await listVoices();
  return body.data.result.map((v: { name: string }) => v.name);
}

export async function activeSessionsRight() {
  const sessions = await listSessions();
  return sessions.result.filter((s: { status: number }) => s.status === 1);
}

export async function sessionTotalRight() {
  const sessions = await listSessions();
  return sessions.count;
}

export async function cloneListRight() {
  return akoolList('/v4/voice/list', { type: 1, page: 1, size: 10 });
}
