const base = "https://openapi.akool.com/api/open/v3";
function a() {
  return fetch(`${base}/avatars`);
}
function b(env) {
  const base = env.url;
  return fetch(`${base}/status`);
}
