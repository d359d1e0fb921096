const AKOOL = "https://openapi.akool.com/api/open/v3";

export async function create(token, body) {
  const r = await fetch(`${AKOOL}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const j = await r.json();
  return j.data._id;
}

export async function refresh(id) {
  const r = await fetch(`/api/videos/${id}`);
  const j = await r.json();
  if (j.video_status === 5) {
    showDelivered(j);
  }
}
