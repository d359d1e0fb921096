export class HttpBase {
  constructor(protected readonly baseUrl: string, protected readonly key: string) {}

  protected async post<T>(path: string, body: unknown): Promise<T> {
    const r = await fetch(this.baseUrl + path, { method: "POST", body: JSON.stringify(body) });
    return (await r.json()) as T;
  }
}
