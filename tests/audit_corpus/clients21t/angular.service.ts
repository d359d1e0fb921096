import { Injectable } from "@angular/core";
import { HttpClient } from "@angular/common/http";
import { map } from "rxjs/operators";

const BASE = "https://openapi.akool.com/api/open/v3";

@Injectable({ providedIn: "root" })
export class AkoolService {
  constructor(private http: HttpClient) {}

  createImage(prompt: string) {
    return this.http.post<any>(`${BASE}/content/image/createbyprompt`, { prompt, size: "1:1" });
  }

  talk(img: string, audio: string) {
    return this.http
      .post<any>(`${BASE}/content/video/createbytalkingphoto`, { talking_photo_url: img, audio_url: audio, resolution: "720p" })
      .pipe(map((r) => r.data.video_url));
  }

  status(id: string) {
    return this.http.get<any>(`${BASE}/content/video/status/${id}`);
  }

  info(id: string) {
    return this.http.post<any>(`${BASE}/content/video/infobymodelid`, { video_model_id: id });
  }
}
