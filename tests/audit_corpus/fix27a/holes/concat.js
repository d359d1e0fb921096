const BASE = "https://openapi.akool.com/api/open/v3";
async function create(mode, body, key) {
  return axios.post(BASE + "/content/video/createby" + mode, body, { headers: { "x-api-key": key } });
}
