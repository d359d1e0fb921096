// Legacy script: fetch a token with the `request` package, then read the credit left.
const request = require("request");

const BASE = "https://openapi.akool.com/api/open/v3";

function akoolToken(clientId, clientSecret, cb) {
  request.post(
    { url: `${BASE}/getToken`, json: { clientId, clientSecret } },
    (err, res, body) => {
      if (err || res.statusCode !== 200) return cb(err || new Error("token"));
      cb(null, body.data.token);
    },
  );
}

function credit(token, cb) {
  request.get({ url: `${BASE}/faceswap/quota/info`, headers: { Authorization: `Bearer ${token}` } }, function (error, response, raw) {
    if (error) return cb(error);
    const j = JSON.parse(raw);
    cb(null, j.data.credits);
  });
}

module.exports = { akoolToken, credit };
