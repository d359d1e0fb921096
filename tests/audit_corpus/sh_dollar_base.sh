#!/usr/bin/env bash
set -euo pipefail
AKOOL=https://openapi.akool.com/api/open/v3
KEY="$AKOOL_API_KEY"

curl -s -X POST "$AKOOL/content/video/lipsync" \
  -H "x-api-key: $KEY" -H 'Content-Type: application/json' \
  -d '{"video_url": "https://x.example/v.mp4", "audio_url": "https://x.example/a.mp3", "webhook": ""}'

curl -s "$AKOOL/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $KEY" | jq -r .data.video_url
