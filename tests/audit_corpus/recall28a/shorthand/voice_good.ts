import axios, { AxiosInstance } from "axios";

export class AkoolVoice {
  private http: AxiosInstance;

  constructor(apiKey: string, baseURL = "https://openapi.akool.com/api/open/v4") {
    this.http = axios.create({ baseURL, headers: { "x-api-key": apiKey } });
  }

  async speak(text: string, voiceId: string) {
    const { data } = await this.http.post("/voice/tts", {
      input_text: text,
      voice_id: voiceId,
      voice_options: { speed: 1.1 },
    });
    return data.data._id as string;
  }
}
