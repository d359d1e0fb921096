// The same with got and ky: their options carry the body under `json`, beside a timeout and retries.
import got from "got";
import ky from "ky";

const BASE = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

export async function withGot(prompt) {
  const answer = await got.post(`${BASE}/content/image/createbyprompt`, { headers, json: { prompt, scale: "1:1" }, timeout: { request: 30000 }, retry: { limit: 2 } }).json();
  return answer.data._id;
}

export async function withKy(prompt) {
  const answer = await ky.post(`${BASE}/content/image/createbyprompt`, { headers, json: { prompt, scale: "4:3" }, timeout: 30000, retry: 2 }).json();
  return answer.data._id;
}

export async function withKyTyped(prompt) {
  // wrong: `ratio` is no field of the request; `scale` is
  const answer = await ky.post(`${BASE}/content/image/createbyprompt`, { headers, json: { prompt, ratio: "4:3" }, timeout: 30000 }).json();
  return answer.data._id;
}
