#!/bin/sh
# Bodies printed by jq and fed to curl: piped into -d @-, substituted into -d, held in a name.
API="https://openapi.akool.com/api/open/v3"

jq -n --arg u "$PHOTO_URL" --arg a "$AUDIO_URL" '{talking_photo_url: $u, audio_url: $a, resolution: "720p"}' \
  | curl -s -X POST "$API/content/video/createbytalkingphoto" -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" -d @-

curl -s -X POST "$API/content/image/createbyprompt" -H "x-api-key: $AKOOL_API_KEY" \
  -d "$(jq -n --arg p "$PROMPT" '{prompt: $p, size: "1:1"}')"

BODY=$(jq -n --arg u "$PHOTO_URL" --arg a "$AUDIO_URL" --arg hook "$WEBHOOK_URL" '{talking_photo_url: $u, audio_url: $a, webhook_url: $hook}')
curl -s -X POST "$API/content/video/createbytalkingphoto" -H "x-api-key: $AKOOL_API_KEY" -d "$BODY"

jq -n --arg u "$PHOTO_URL" --arg a "$AUDIO_URL" '{
  talking_photo_url: $u,
  audio_url: $a,
  resolution: "1080"
}' | curl -s -X POST "$API/content/video/createbytalkingphoto" -H "x-api-key: $AKOOL_API_KEY" -d @-

GOOD=$(jq -n --arg p "$PROMPT" '{prompt: $p, scale: "1:1"}')
curl -s -X POST "$API/content/image/createbyprompt" -H "x-api-key: $AKOOL_API_KEY" --data "$GOOD"

# Reading the answer with jq (no -n): a filter of the answer's fields, not a body.
curl -s -X POST "$API/content/image/createbyprompt" -H "x-api-key: $AKOOL_API_KEY" -d '{"prompt": "a cat", "scale": "1:1"}' \
  | jq '{id: .data._id, state: .data.image_status}'
