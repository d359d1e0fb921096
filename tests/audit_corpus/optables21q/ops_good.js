const axios = require("axios");
const BASE = "https://openapi.akool.com";
const ops = {
  create: { method: 'POST', path: '/api/open/v3/content/video/createbytalkingphoto' },
  info: { method: 'GET', path: '/api/open/v3/content/video/infobymodelid' },
};
async function call(name, data) {
  const op = ops[name];
  return axios({ method: op.method, url: BASE + op.path, data });
}
