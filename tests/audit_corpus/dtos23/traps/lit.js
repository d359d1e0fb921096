export async function talk(body) {
  const cfg = { headers: { "x-api-key": "k" }, timeout: 5000 };
  return axios.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", body, cfg);
}
