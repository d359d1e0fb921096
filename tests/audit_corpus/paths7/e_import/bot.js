const { PATHS } = require("./paths");
const API = "https://openapi.akool.com/api/open/v3";

async function call(path, query) {
  const url = `${API}${path}?${new URLSearchParams(query)}`;
  const res = await fetch(url, { method: "GET", headers: { "x-api-key": process.env.AKOOL_KEY } });
  return res.json();
}

module.exports = {
  detail: (id) => call(PATHS.detail, { id }),
  remove: (id) => call(PATHS.remove, { id }),
};
