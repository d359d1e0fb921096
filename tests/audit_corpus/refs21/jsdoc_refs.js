/**
 * Polls a talking photo's job. AKOOL removed GET https://openapi.akool.com/api/open/v3/content/video/status in 2024.
 * @see https://api.akool.com/api/open/v3/photo/talking (the old, undocumented endpoint)
 * @deprecated since 2024: https://openapi.akool.com/api/open/v3/content/video/status (gone)
 * Replaces {@link https://api.akool.com/api/open/v3/photo/talking}
 * @param {string} id the video_model_id AKOOL gave
 */
export async function poll(id) {
  const res = await fetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`, {
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  return (await res.json()).data.video_status;
}

// @see https://api.akool.com/api/open/v3/photo/talking (the old endpoint)
export async function create(photo, audio) {
  // the old call, still read as code:
  // fetch("https://api.akool.com/api/open/v3/photo/talking", { method: "POST" });
  return fetch("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "1080p", webhookUrl: "" }),
  });
}
