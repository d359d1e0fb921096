#!/bin/sh
# Resolutions from the environment, with fallbacks written in the script.
API="https://openapi.akool.com/api/open/v3"
RES="${AKOOL_RESOLUTION:-720p}"
curl -s -X POST "$API/content/video/createbytalkingphoto" -H "x-api-key: $AKOOL_API_KEY" \
  -d "{\"talking_photo_url\": \"$PHOTO\", \"audio_url\": \"$AUDIO\", \"resolution\": \"$RES\"}"
curl -s -X POST "$API/content/video/createbytalkingphoto" -H "x-api-key: $AKOOL_API_KEY" \
  -d "{\"talking_photo_url\": \"$PHOTO\", \"audio_url\": \"$AUDIO\", \"resolution\": \"${HD:-1080p}\"}"
curl -s -X POST "$API/content/video/createbytalkingphoto" -H "x-api-key: $AKOOL_API_KEY" \
  -d "{\"talking_photo_url\": \"$PHOTO\", \"audio_url\": \"$AUDIO\", \"resolution\": \"${SD:-720}\"}"
