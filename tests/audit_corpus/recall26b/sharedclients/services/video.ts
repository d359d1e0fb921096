import { akoolApi, createAkoolClient, storage } from "../shared26b/factory26b";

export const status = (id: string) => akoolApi.get(`/content/video/status/${id}`);
export const info = (id: string) => akoolApi.get(`/content/video/infobymodelid?video_model_id=${id}`);
export const upload = (id: string) => storage.get(`/content/video/status/${id}`);

export class Videos {
  private akool;
  constructor(key: string) {
    this.akool = createAkoolClient(key);
  }
  talk(photo: string, audio: string) {
    return this.akool.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio, resolution: "1080p" });
  }
  ok(photo: string, audio: string) {
    return this.akool.post("/content/video/createbytalkingphoto", { talking_photo_url: photo, audio_url: audio });
  }
}
