#!/usr/bin/env bash
BASE="https://openapi.akool.com/api/open/v3"
resp=$(curl -s "$BASE/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $AKOOL_API_KEY")
status=$(echo "$resp" | jq -r '.data.video_status')
case $status in
  2) echo done ;;
  4) echo failed ;;
esac
until curl -s "$BASE/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $AKOOL_API_KEY" | jq -e '.data.video_status == 5' >/dev/null; do sleep 3; done
