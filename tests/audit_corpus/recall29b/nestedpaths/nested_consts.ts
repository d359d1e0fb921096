const AKOOL = {
  BASE: "https://openapi.akool.com/api/open/v3",
  PATHS: {
    TALK: "/content/video/createbytalkingphoto",
    INFO: "/content/video/infobymodelid",
  },
} as const;

export async function videoState(id: string) {
  const res = await fetch(`${AKOOL.BASE}${AKOOL.PATHS.INFO}?video_model_id=${id}`);
  const json = await res.json();
  return json.data.video_status === 5 ? "done" : "pending";
}

export async function talk(photo: string) {
  await fetch(`${AKOOL.BASE}${AKOOL.PATHS.TALK}`, { method: "POST", body: JSON.stringify({ talking_photo_url: photo, audio: "a" }) });
}
