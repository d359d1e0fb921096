const KEY = process.env.KEY ?? "";

export async function uploadFace(file: Blob): Promise<string> {
  const form = new FormData();
  form.append("file", file);
  const res = await fetch("https://api.akool.com/api/v1/upload", { method: "POST", headers: { "x-api-key": KEY }, body: form });
  return (await res.json()).data.url;
}

export async function swapFaces(source: string, target: string) {
  const res = await fetch("https://api.akool.com/api/v1/faceswap/create", {
    method: "POST",
    headers: { "x-api-key": KEY, "Content-Type": "application/json" },
    body: JSON.stringify({ source, target }),
  });
  return res.json();
}
