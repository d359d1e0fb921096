const V4 = "https://openapi.akool.com/api/open/v4";
const headers = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

export async function finishedVideos(ids) {
  const j = await (await fetch(`${V4}/image2Video/resultsByIds`, { method: "POST", headers, body: JSON.stringify({ _ids: ids.join(",") }) })).json();
  const urls = [];
  for (const item of j.data.result) {
    if (item.status === 7) urls.push(item.video_url);
  }
  return urls;
}

export async function openSessions() {
  const j = await (await fetch(`${V4}/liveAvatar/session/list?page=1&size=20`, { headers })).json();
  return j.data.result.filter((s) => s.status === 9);
}
