// Old background-change helper, kept for the archive job.
const AKOOL = process.env.AKOOL_URL || "https://openapi.akool.com/api/open/v3";

export async function replaceBackground(image, prompt) {
  const res = await fetch(`${AKOOL}/content/image/bg/replace`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ origin_img: image, prompt, canvas_size: "1024x1024" }),
  });
  return (await res.json()).data._id;
}
