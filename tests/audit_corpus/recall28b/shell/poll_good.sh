#!/usr/bin/env bash
# Polls a talking-photo render until AKOOL says it is done (video_status 3) or failed (4).
set -euo pipefail
BASE="https://openapi.akool.com/api/open/v3"
ID="$1"
while true; do
  status=$(curl -s "$BASE/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.video_status')
  if [ "$status" = "3" ]; then
    echo done; break
  fi
  if [[ $status == 4 ]]; then echo failed; exit 1; fi
  case $status in
    1|2) sleep 5 ;;
    3) echo "finished" ;;
    *) echo "unexpected: $status" ;;
  esac
  svc=$(systemctl is-active nginx)
  [ "$svc" = "active" ] || exit 1
  code=$(curl -s "$BASE/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.code')
  [ "$code" = "1000" ] || exit 1
  other=$(curl -s "https://api.example.com/jobs/$ID" | jq -r '.data.status')
  [ "$other" = "completed" ] && break
done
