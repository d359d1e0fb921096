import { akoolGet } from "@/lib/akool";

export async function loadVoices(): Promise<string[]> {
  const json = await akoolGet("/v4/voice/list?type=1&page=1&size=50");
  return json.data.map((v: { voice_id: string }) => v.voice_id);
}

export async function loadResources() {
  const json = await akoolGet("/v4/voice/resource/list?type=1");
  return Array.isArray(json.data) ? json.data : [];
}

// Right: the documented list is data.result.
export async function loadVoicesRight() {
  const json = await akoolGet("/v4/voice/list?type=1");
  return json.data.result.map((v: { voice_id: string }) => v.voice_id);
}

// avatar/list's data is the list itself.
export async function loadAvatars() {
  const json = await akoolGet("/v3/avatar/list?from=2");
  return json.data.map((a: { avatar_id: string }) => a.avatar_id);
}
