const API = "https://openapi.akool.com/api/open/v3";
const headers = { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" };

export async function render(photo, audio) {
  const created = await (await fetch(`${API}/content/video/createbytalkingphoto`, {
    method: "POST", headers, body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "1080" }),
  })).json();
  const id = created.data._id;
  for (;;) {
    const j = await (await fetch(`${API}/content/video/infobymodelid?video_model_id=${id}`, { headers })).json();
    if (j.data.video_status === 3) return j.data.video;
    if (j.data.video_status === 4) throw new Error("failed");
    await new Promise((r) => setTimeout(r, 5000));
  }
}
