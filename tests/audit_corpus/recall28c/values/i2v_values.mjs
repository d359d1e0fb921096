const H = { "x-api-key": process.env.AKOOL_KEY, "Content-Type": "application/json" };
await fetch("https://openapi.akool.com/api/open/v4/image2Video/createBySourcePrompt", {
  method: "POST",
  headers: H,
  body: JSON.stringify({ image_url: "https://x/i.png", prompt: "zoom", negative_prompt: "", resolution: "720p", audio_type: 1, video_length: 8 }),
});
