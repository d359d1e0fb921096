// WRONG: calls the retired host (must be found)
export async function talk(key: string) {
  return fetch("https://api.akool.com/api/open/v3/content/video/createbytalkingphoto", {
    method: "POST",
    headers: { Authorization: `Bearer ${key}` },
    body: JSON.stringify({ talking_photo_url: "a", audio_url: "b" }),
  });
}
