#!/bin/sh
BASE=https://openapi.akool.com/api/open/v3
video_status() {
  curl -s "$BASE/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.video_status'
}
while :; do
  s=$(video_status "$1")
  if [ "$s" = "2" ]; then echo done; break; fi
  sleep 5
done
