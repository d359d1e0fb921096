#!/bin/bash
# a wrapper whose answers are captured with $(...)
API="${AKOOL_API:-https://openapi.akool.com/api/open/v3}"

akool_post() {
  curl -s -X POST "$API$1" -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" -d "$2"
}

IMG=$(akool_post /content/image/createbyprompt '{"prompt":"a lighthouse","scale":"16:9"}')
TALK=$(akool_post "/content/video/createbytalkingphoto" '{"talking_photo_url":"https://x/p.png","audio_url":"https://x/a.mp3","resolution":"720p"}')
echo "$IMG" "$TALK"
