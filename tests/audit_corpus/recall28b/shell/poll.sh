#!/usr/bin/env bash
set -euo pipefail
BASE="https://openapi.akool.com/api/open/v3"
ID="$1"
while true; do
  status=$(curl -s "$BASE/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.video_status')
  if [ "$status" = "completed" ]; then
    echo done; break
  fi
  if [[ $status == 5 ]]; then echo failed; exit 1; fi
  sleep 5
done
