#!/usr/bin/env bash
# wait for a talking-photo render and print the result's address
set -euo pipefail
API="https://openapi.akool.com/api/open/v3"
while sleep 10; do
  R=$(curl -fsS "$API/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $AKOOL_API_KEY")
  [ "$(echo "$R" | jq -r '.data | .video_status')" = "3" ] && break
done
echo "$R" | jq -r '.data | .video_url'
