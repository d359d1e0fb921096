export class AkoolService {
  private readonly apiUrl: string = "https://openapi.akool.com/api/open/v3/content/image";
  constructor(private readonly token: string) {}
  async create(prompt: string) {
    const r = await fetch(this.apiUrl, { method: "POST", headers: { Authorization: `Bearer ${this.token}` }, body: JSON.stringify({ prompt }) });
    return r.json();
  }
}
