const API = "https://openapi.akool.com/api/open/v3";

export function reage(face, video, years) {
  return fetch(`${API}/faceswap/highquality/imgreage`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ targetImage: [{ path: face, opts: "" }], face_reage: String(years), modifyImage: video }),
  });
}
