#!/bin/sh
API="https://openapi.akool.com/api/open/v3"
curl -s -X POST "$API/content/image/createbyprompt" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d @- <<EOF
{"prompt": "a lighthouse", "scale": "16:9"}
EOF
curl -s -X POST "$API/content/video/createbytalkingphoto" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  --data-binary "@talk_body.json"
