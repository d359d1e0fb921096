#!/bin/sh
# make a picture, then fetch it with a second curl piped straight into jq
KEY=${AKOOL_API_KEY:?}
ID=$(curl -s -X POST 'https://openapi.akool.com/api/open/v3/content/image/createbyprompt' \
  -H "x-api-key: $KEY" -H 'Content-Type: application/json' \
  -d "{\"prompt\": \"$1\", \"scale\": \"1:1\"}" | jq -r '.data._id')
sleep 30
curl -s "https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=$ID" -H "x-api-key: $KEY" | jq -r '.data.image'
job=$(curl -s -X POST https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto -H "x-api-key: $KEY" -d '{"talking_photo_url":"a","audio_url":"b"}' | jq -r .data._id)
curl -s "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$job" -H "x-api-key: $KEY" | jq -r '.data.video_url'
