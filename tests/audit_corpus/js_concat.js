const API_URL = process.env.AKOOL_URL || "https://openapi.akool.com";

async function reage(key, image, age) {
  const res = await fetch(API_URL + "/api/open/v3/faceswap/highquality/imgreage", {
    method: "POST",
    headers: { "x-api-key": key },
    body: JSON.stringify({ targetImage: [{ path: image }], face_reage: age, modifyImage: image }),
  });
  return res.json();
}

async function del(key, ids) {
  return fetch(API_URL + "/api/open/v3/faceswap/job/delete", { method: "POST", headers: { "x-api-key": key }, body: JSON.stringify({ job_ids: ids }) });
}

module.exports = { reage, del };
