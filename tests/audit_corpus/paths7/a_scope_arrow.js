// Face swap with a download helper whose parameter shares a name with the create URL.
const axios = require("axios");

const API = "https://openapi.akool.com/api/open/v3";

async function swap(source, target) {
  const url = `${API}/faceswap/highquality/specifyimage`;
  const { data } = await axios.post(url, {
    sourceImage: [{ path: source, opts: "" }],
    targetImage: [{ path: target, opts: "" }],
    face_enhance: 1,
    modifyImage: target,
  });
  return data;
}

async function fetchResult(url) {
  const res = await axios.get(url, { responseType: "arraybuffer" });
  return Buffer.from(res.data);
}

const saveAll = (urls) => Promise.all(urls.map((url) => axios.get(url)));

module.exports = { swap, fetchResult, saveAll };
