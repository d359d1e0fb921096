// An SDK's table of endpoints: the {_id} paths kept as prefixes the id is appended to.
const ENDPOINTS = {
  voiceResult: "/api/open/v4/voice/resource/detail",
  voiceDetail: "/api/open/v4/voice/detail",
  voiceList: "/api/open/v4/voice/list",
} as const;

export class AkoolVoice {
  constructor(private apiKey: string, private base = "https://openapi.akool.com") {}

  private async call(path: string) {
    const r = await fetch(this.base + path, { headers: { "x-api-key": this.apiKey } });
    return r.json();
  }

  list() {
    return this.call(`${ENDPOINTS.voiceList}?page=1&size=20`);
  }

  result(id: string) {
    return this.call(`${ENDPOINTS.voiceResult}/${id}`);
  }

  voice(id: string) {
    return this.call(ENDPOINTS.voiceDetail + "/" + id);
  }
}
