const cfg = require("./settings.json");
async function avatars() {
  return fetch(`${cfg.akoolBase}/avatars`, { headers: { "x-api-key": process.env.KEY } });
}
async function info() {
  return fetch(`${cfg.akoolBase}/content/video/infobymodelids`);
}
