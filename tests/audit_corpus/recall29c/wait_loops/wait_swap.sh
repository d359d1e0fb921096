#!/usr/bin/env bash
set -euo pipefail
API="https://openapi.akool.com/api/open/v3"
ID="$1"
S=$(curl -fsS "$API/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.video_status')
while [ "$S" -ne 2 ]; do
  sleep 15
  S=$(curl -fsS "$API/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.video_status')
done
echo "finished"

until curl -fsS "$API/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY" | jq -e '.data.video_status == 3' >/dev/null; do
  sleep 15
done
echo "finished"
