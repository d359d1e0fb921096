// A dashboard that signs in on AKOOL's website and lists voices on one base.
const AKOOL_ORIGIN = "https://api.akool.com";

export async function signIn(email, password) {
  const res = await fetch(`${AKOOL_ORIGIN}/api/v1/public/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return res.json();
}

export async function voices(apiKey) {
  const res = await fetch(`${AKOOL_ORIGIN}/api/open/v3/voice/list`, { headers: { "x-api-key": apiKey } });
  return res.json();
}
