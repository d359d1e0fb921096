// URLs resolved with new URL(path, base).
const AKOOL = "https://openapi.akool.com/api/open/v3";

export async function imageInfo(id) {
  const url = new URL(`content/image/infobymodelid?image_model_id=${id}`, AKOOL);
  return (await fetch(url)).json();
}

export async function quota() {
  return (await fetch(new URL("faceswap/quota/info", AKOOL + "/"))).json();
}
