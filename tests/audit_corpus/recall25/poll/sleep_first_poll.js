const BASE = "https://openapi.akool.com/api/open/v3";

async function waitVideo(id, token) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const json = await res.json();
    if (json?.data?.video_status === 3) return json?.data?.video_url ?? json?.data?.url;
  }
  return null;
}

async function waitVideoGood(id, token) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const json = await res.json();
    if (json?.data?.video_status === 3) return json?.data?.video;
  }
  return null;
}
