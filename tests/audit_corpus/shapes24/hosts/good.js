const https = require('https');
const options = { hostname: 'openapi.akool.com', path: '/api/open/v3/content/video/createbytalkingphoto', method: 'POST' };
const site = { host: 'akool.com', path: '/apps/upload/avatar' };
const req = https.request(options, (res) => {});
req.write(JSON.stringify({ talking_photo_url: 'a', audio_url: 'b' }));
req.end();
