const URL = "https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage";

export async function reage(img, years) {
  const body = '{"targetImage":[{"path":"' + img + '","opts":""}],"face_reage":' + years + ',"modifyImage":"' + img + '"}';
  const res = await fetch(URL, { method: "POST", headers: { "Content-Type": "application/json" }, body });
  return res.json();
}
