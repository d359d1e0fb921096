// Settings come from the environment, with defaults written here.
const ROOT = "https://openapi.akool.com";

function setting(key: string, otherwise: string): string {
  const found = Deno.env.get(key);
  if (found === undefined) {
    return otherwise;
  }
  return found;
}

const detectPath = setting("AKOOL_DETECT_PATH", "/interface/detect-api/detect_faces");
const reagePath = setting("AKOOL_REAGE_PATH", "/api/open/v3/faceswap/highquality/imgreage");

export async function detect(url: string) {
  return fetch(`${ROOT}${detectPath}`, {
    method: "POST",
    body: JSON.stringify({ url, single_face: false }),
  });
}

export async function reage(target: string) {
  return fetch(`${ROOT}${reagePath}`, { method: "GET" });
}
