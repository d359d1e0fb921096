const https = require('https');
const options = { hostname: 'api.akool.com', path: '/api/open/v3/content/video/createbytalkingphoto', method: 'POST' };
const req = https.request(options, (res) => {});
req.write(JSON.stringify({ talking_photo_url: 'a', audio_url: 'b' }));
req.end();
