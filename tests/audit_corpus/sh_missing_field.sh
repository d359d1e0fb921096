#!/usr/bin/env bash
# Text to speech with AKOOL's voice lab, then a talking photo from the result.
set -euo pipefail
API="https://openapi.akool.com/api/open/v4"
KEY="${AKOOL_API_KEY:?set AKOOL_API_KEY}"

curl -s -X POST "$API/voice/tts" \
  -H "x-api-key: $KEY" -H "Content-Type: application/json" \
  -d '{"input_text": "Hello from the shop", "language_code": "en"}'

EXTRA="${EXTRA:-\"webhookUrl\": \"\"}"
curl -s -X POST "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto" \
  -H "x-api-key: $KEY" -H "Content-Type: application/json" \
  -d "{\"talking_photo_url\": \"$PHOTO\", $EXTRA}"
