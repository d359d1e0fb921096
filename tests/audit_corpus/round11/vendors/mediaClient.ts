// The media vendor's open API (v1 orders, v3 content).
export class MediaClient {
  constructor(private readonly apiBase: string) {}

  orders() {
    return fetch(`${this.apiBase}/api/open/v1/orders/list`);
  }

  videos() {
    return fetch(`${this.apiBase}/v3/content/video/list`);
  }

  status(id: string) {
    return fetch(`${this.apiBase}/content/video/status?id=${id}`);
  }
}
