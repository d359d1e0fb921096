#!/usr/bin/env bash
set -euo pipefail
API="https://openapi.akool.com/api/open/v3"
id="$1"
while true; do
  resp=$(curl -sf "$API/content/video/infobymodelid?video_model_id=$id" -H "x-api-key: $AKOOL_API_KEY")
  case $(jq -r '.data.video_status' <<<"$resp") in
    1|2) sleep 10 ;;
    3) jq -r '.data.video' <<<"$resp"; exit 0 ;;
    4) echo "failed" >&2; exit 1 ;;
    6) echo "expired" >&2; exit 2 ;;
  esac
done
