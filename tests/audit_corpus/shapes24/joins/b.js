const ORIGIN = "https://openapi.akool.com";
export async function status(key, id) {
  const url = [ORIGIN, "api/open/v3", "content/video/status", id].join("/");
  return (await fetch(url, { headers: { "x-api-key": key } })).json();
}
