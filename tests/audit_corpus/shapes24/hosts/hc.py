import http.client
conn = http.client.HTTPSConnection('api.akool.com')
conn.request('POST', '/api/open/v3/content/video/createbytalkingphoto', body='{"talking_photo_url": "a", "audio_url": "b"}')
