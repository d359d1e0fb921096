// The shared AKOOL client of the dashboard.
export class AkoolClient {
  private readonly base = "https://openapi.akool.com/api/open/v4";

  constructor(private readonly key: string) {}

  async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method: "POST",
      headers: { "x-api-key": this.key, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await res.json()) as T;
  }
}
