// AKOOL: job creation and status polling for the studio. The fetcher (base URL, retries, the
// AKOOL key from the server's env) is the app's shared one.
import { akoolGet, akoolPost } from "@/lib/fetcher";

type AkoolJobKind = "talkingPhoto" | "imageToVideo" | "lipsync";

interface AkoolStatus {
  code: number;
  data: { video_status: number; video: string };
}

const AKOOL_STATUS_PATHS: Record<AkoolJobKind, string> = {
  talkingPhoto: "/v3/content/video/infobymodelid",
  imageToVideo: "/v4/image2Video/resultsByIds",
  lipsync: "/v4/lipsync/status",
};

export async function akoolJobStatus(kind: AkoolJobKind, id: string) {
  const path = AKOOL_STATUS_PATHS[kind];
  return akoolGet<AkoolStatus>(path, { video_model_id: id });
}

export async function akoolTalkingPhoto(photo: string, audio: string) {
  return akoolPost<AkoolStatus>("/v3/content/video/createbytalkingphoto", {
    talking_photo_url: photo,
    audio_url: audio,
    resolution: "720p",
  });
}

export async function akoolAvatars() {
  return akoolGet<AkoolStatus>("/v3/avatar/lists", {});
}
