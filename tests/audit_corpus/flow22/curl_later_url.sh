curl -s -X POST \
  https://openapi.akool.com/api/open/v3/content/image/createbyprompt \
  -H "x-api-key: $KEY" \
  -d '{"prompt": "k", "scale": "21:9"}'
curl -s -X POST \
  -H "x-api-key: $KEY" \
  -d '{"prompt": "l", "scale": "21:9"}' \
  https://openapi.akool.com/api/open/v3/content/image/createbyprompt
curl -s -X POST \
  "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto" \
  -H "x-api-key: $KEY" -H "Content-Type: application/json" \
  -d '{"talking_photo_url": "p", "audio_url": "a", "resolution": "720p"}'
