const axios = require("axios");

const api = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });
const STATUS_PATHS = {
  photo: "/content/video/infobymodelid",
  swap: "/faceswap/result/status",
  image: "/content/image/infoByModelId",
};

async function poll(kind, id) {
  return api.get(`${STATUS_PATHS[kind]}?_id=${id}`);
}

async function swapStatus(id) {
  return api.get(STATUS_PATHS.swap, { params: { _id: id } });
}

module.exports = { poll, swapStatus };
