const BASE = "https://openapi.akool.com/api/open/v3";
const STATUS_PATHS = { // job kind -> status path
  talk: "/content/video/infobymodelid",
  image: "/content/image/status",
};
export const poll = (kind, id) => fetch(`${BASE}${STATUS_PATHS[kind]}?_id=${id}`);
