// Talking avatar client with its base in a class field.
export class Akool {
  private readonly baseUrl = "https://openapi.akool.com/api/open/v4";
  static readonly HOST = "https://sg3.akool.com";
  constructor(private key: string) {}

  videos() {
    return fetch(`${this.baseUrl}/videos`, { headers: { "x-api-key": this.key } });
  }

  health() {
    return fetch(`${Akool.HOST}/health`);
  }

  avatars() {
    return fetch(`${this.baseUrl}/liveAvatar/avatar/list`, { headers: { "x-api-key": this.key } });
  }
}

export class Cdn {
  private readonly baseUrl = "https://cdn.example.com";
  videos() {
    return fetch(`${this.baseUrl}/videos`);
  }
}
