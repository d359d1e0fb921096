#!/usr/bin/env bash
set -euo pipefail
RESOLUTION=${RESOLUTION:-1080}
SCALE=${SCALE:-16:10}

curl -fsS -X POST https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d "{\"talking_photo_url\": \"$1\", \"audio_url\": \"$2\", \"resolution\": \"$RESOLUTION\"}"

curl -fsS -X POST https://openapi.akool.com/api/open/v3/content/image/createbyprompt \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d "{\"prompt\": \"poster for $1\", \"scale\": \"$SCALE\"}"
