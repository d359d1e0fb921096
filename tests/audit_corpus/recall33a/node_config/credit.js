const config = require("config");

async function credit() {
  const r = await fetch(config.get("akool.baseUrl") + "/faceswap/quota/infos", {
    headers: { "x-api-key": process.env.AKOOL_API_KEY },
  });
  return (await r.json()).data.credit;
}

async function creditAgain() {
  const r = await fetch(`${config.get("akool.baseUrl")}/faceswap/quota/info`);
  return r.json();
}
module.exports = { credit, creditAgain };
