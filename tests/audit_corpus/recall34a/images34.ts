const BASE = "https://openapi.akool.com/api/open/v3";

export class Images {
  constructor(private key: string, private authHeader: string) {}

  async create(prompt: string) {
    const r = await fetch(`${BASE}/content/image/createbyprompt`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: this.key },
      body: JSON.stringify({ prompt, scale: "1:1" }),
    });
    return r.json();
  }

  async createSigned(prompt: string) {
    const r = await fetch(`${BASE}/content/image/createbyprompt`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: this.authHeader },
      body: JSON.stringify({ prompt, scale: "1:1" }),
    });
    return r.json();
  }
}
