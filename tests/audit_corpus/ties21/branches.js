const BASE = "https://openapi.akool.com/api/open/v3";
async function status2(kind, job) {
  let res;
  if (kind === "image") res = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${job}`);
  else res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job}`);
  const body = await res.json();
  return kind === "image" ? body.data.image_status : body.data.video_status;
}
async function status3(kind, job) {
  let res;
  if (kind === "image") {
    res = await fetch(`${BASE}/content/image/infobymodelid?image_model_id=${job}`);
    console.log("image", (await res.clone().json()).data.video_status);
  } else {
    res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job}`);
    console.log("video", (await res.clone().json()).data.image_status);
  }
  const body = await res.json();
  return kind === "image" ? body.data.image : body.data.video;
}
async function status4(job) {
  const res = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${job}`);
  if (!res.ok) {
    throw new Error("x");
  } else {
    console.log("ok");
  }
  const body = await res.json();
  return body.data.status;
}
