// Detail lookups with query parameters (written for the audit's corpus).
const V4 = "https://openapi.akool.com/api/open/v4";
const headers = { "x-api-key": process.env.AKOOL_API_KEY };

export async function headswap(id) {
  const qs = new URLSearchParams({ video_model_id: id });
  return (await fetch(`${V4}/headswap/task/detail?${qs}`, { headers })).json();
}

export async function knowledge(id) {
  return axios.get(`${V4}/knowledge/detail`, { params: { knowledge_id: id }, headers });
}

export async function session() {
  return fetch(`${V4}/liveAvatar/session/detail`, { headers });
}

export async function sessionById(id) {
  return fetch(`${V4}/liveAvatar/session/detail?id=${id}`, { headers });
}
