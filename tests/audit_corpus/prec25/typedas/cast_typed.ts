const API = "https://openapi.akool.com/api/open/v3";
interface ImageReq { prompt: string; size: string }

export function gen(prompt: string) {
  return fetch(`${API}/content/image/createbyprompt`, { method: "POST", body: JSON.stringify(({ prompt, size: "1:1" }) as ImageReq) });
}
