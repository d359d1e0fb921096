// Values of the wrong JSON type: numbers and booleans sent as strings.
const BASE = "https://openapi.akool.com/api/open/v4";

export async function animate(key, image, prompt) {
  return fetch(`${BASE}/image2Video/createBySourcePrompt`, {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ image_url: image, prompt, negative_prompt: "", resolution: "720p", video_length: "5", audio_type: 3 }),
  });
}

export async function swap(key, source, target) {
  return fetch(`${BASE}/faceswap/faceswapByImage`, {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ sourceImage: [{ path: source }], targetImage: [{ path: target }], single_face_mode: "true" }),
  });
}
