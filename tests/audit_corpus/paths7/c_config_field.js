class Akool {
  constructor(key) {
    this.config = { baseUrl: "https://openapi.akool.com/api/open/v3", key };
  }
  avatars() {
    return fetch(`${this.config.baseUrl}/avatars`);
  }
}
function make() {
  const opts = { apiBase: "https://openapi.akool.com" };
  return fetch(`${opts.apiBase}/status`);
}
