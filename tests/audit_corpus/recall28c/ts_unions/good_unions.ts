// Unions of documented values, sent under the documented keys; and a player's union that is
// converted before it is sent.
type Quality = "720" | "1080";
type Look = "realistic" | "beautify";
type PlayerQuality = "low" | "high";
interface SwapOptions {
  look?: Look;
}

const API = "https://openapi.akool.com/api/open";

export async function talk(photo: string, audio: string, quality: Quality, preview: PlayerQuality) {
  const chosen = preview === "high" ? "1080" : "720";
  await fetch(`${API}/v3/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: quality }),
  });
  return fetch(`${API}/v3/content/video/createbytalkingphoto`, {
    method: "POST",
    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: chosen }),
  });
}

export function swap(source: string, target: string, options: SwapOptions = {}) {
  return fetch(`${API}/v4/faceswap/faceswapPlusByImage`, {
    method: "POST",
    body: JSON.stringify({ source_url: source, target_url: target, model_style: options?.look }),
  });
}
