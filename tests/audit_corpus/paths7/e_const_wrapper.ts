// Paths as constants, one request helper for all of them.
const BASE_URL = "https://openapi.akool.com/api/open/v4";
const ENDPOINTS = {
  voiceClone: "/voice/clone",
  voiceList: "/voice/lists",
  sessionCreate: "/liveAvatar/session/create",
};
const SESSION_CLOSE = "/liveAvatar/session/close";

async function request<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

export const clone = (url: string) => request(ENDPOINTS.voiceClone, { source_voice_file: url, voice_name: "me", voice_options: { style: 1 } });
export const voices = () => request(ENDPOINTS.voiceList, {});
export const open = (avatar: string) => request(ENDPOINTS.sessionCreate, { avatar_id: avatar, duration: "600" });
export const close = (id: string) => request(SESSION_CLOSE, { id });
