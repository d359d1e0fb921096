const key = process.env.AKOOL_API_KEY ?? "";

export async function createTalkingPhoto(imageUrl: string, audioUrl: string) {
  const res = await fetch("https://api.akool.com/v1/talking-photo", {
    method: "POST",
    headers: { "x-api-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ image_url: imageUrl, audio_url: audioUrl }),
  });
  return res.json();
}

export async function jobStatus(id: string) {
  const res = await fetch(`https://api.akool.com/v1/jobs/${id}`, { headers: { "x-api-key": key } });
  return res.json();
}

// Sign-in of AKOOL's website, and its pricing page: not calls of the open API.
export const login = () => fetch("https://api.akool.com/api/v1/public/login", { method: "POST" });
export const pricing = "https://akool.com/pricing";
