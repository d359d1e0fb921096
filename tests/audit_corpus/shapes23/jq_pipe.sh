#!/usr/bin/env bash
API="https://openapi.akool.com/api/open/v3"
jq -n --arg p "$1" --arg a "$2" '{talking_photo_url: $p, audio_url: $a, resolution: "4k"}' \
  | curl -s -X POST "$API/content/video/createbytalkingphoto" -H "Content-Type: application/json" --data-binary @-
jq -nc \
  --arg p "$1" \
  --arg a "$2" \
  '{talking_photo_url: $p, audio_url: $a, resolution: "8k"}' |
curl -s -X POST \
  "$API/content/video/createbytalkingphoto" \
  -d @-
jq -n --arg p "$1" --arg a "$2" \
  '{talking_photo_url: $p, audio_url: $a, resolution: "1080"}' |
  curl -s -X POST "$API/content/video/createbytalkingphoto" -d @-
