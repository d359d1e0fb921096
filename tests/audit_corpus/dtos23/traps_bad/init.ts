interface CallInit { method: string; headers: Record<string, string>; body: string }
interface AxCfg { headers: Record<string, string>; timeout: number }
interface Talk { talking_photo_url: string; audio_link: string }
export function call(path: string, init: CallInit) {
  return fetch(`https://openapi.akool.com/api/open/v3${path}`, init);
}
export async function talk(body: Talk, cfg: AxCfg) {
  return axios.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", body, cfg);
}
