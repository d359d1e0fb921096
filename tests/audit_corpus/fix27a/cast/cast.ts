type ImageBody = { prompt: string; size: string };
const V3 = "https://openapi.akool.com/api/open/v3";
export async function img2(p: string) {
  return fetch(`${V3}/content/image/createbyprompt`, { method: "POST", body: JSON.stringify(<ImageBody>{ prompt: p, size: "1:1" }) });
}
