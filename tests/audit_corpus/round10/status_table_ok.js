// A table of status paths that are all documented: nothing to say.
const BASE = "https://openapi.akool.com/api/open/v3";
const STATUS_PATHS = {
  photo: "/content/video/infobymodelid",
  image: "/content/image/infobymodelid",
  swap: "/faceswap/result/listbyids",
};

async function poll(kind, id) {
  const res = await fetch(`${BASE}${STATUS_PATHS[kind]}?_ids=${id}`);
  return res.json();
}

module.exports = { poll };
