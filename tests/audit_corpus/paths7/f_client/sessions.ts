import { AkoolClient } from "./client";
import axios from "axios";

export class Sessions {
  private client: AkoolClient;
  private http = axios.create({ baseURL: "https://api.example.com" });

  constructor(key: string) {
    this.client = new AkoolClient(key);
  }

  open(avatarId: string) {
    return this.client.post("/liveAvatar/session/create", { avatar_id: avatarId, duration: 600, mode: "retelling" });
  }

  close(id: string) {
    return this.client.post("/liveAvatar/session/stop", { id });
  }

  audit(id: string) {
    return this.http.post("/sessions/audit", { id });
  }
}
