#!/bin/sh
# Bodies read from stdin: a here-document after the command, quoted or not.
API="https://openapi.akool.com/api/open/v3"
curl -s -X POST "$API/content/image/createbyprompt" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d @- <<EOF
{"prompt": "a lighthouse", "size": "16:9"}
EOF

curl -s -X POST "$API/content/video/createbytalkingphoto" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  --data-binary @- <<'JSON'
{
  "talking_photo_url": "https://example.com/a.jpg",
  "audio_url": "https://example.com/a.mp3",
  "resolution": "720p"
}
JSON

# A body kept in a file of its own, beside the script.
curl -s -X POST "$API/content/image/createbyprompt" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d @prompt_body.json
