const API = "https://openapi.akool.com/api/open/v3";

type Options = { resolution?: string; webhook_url?: string };

export const makeVideo = async (image: string, sound: string, { resolution = "4k", webhook_url }: Options = {}) => {
  const res = await fetch(`${API}/content/video/createbytalkingphoto`, {
    method: "POST",
    headers: { "x-api-key": process.env.AKOOL_KEY ?? "", "Content-Type": "application/json" },
    body: JSON.stringify({ talking_photo_url: image, audio_url: sound, resolution, webhook_url }),
  });
  return (await res.json()).data._id as string;
};
