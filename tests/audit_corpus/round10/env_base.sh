#!/usr/bin/env bash
# Poll a talking-photo job; AKOOL_API_URL and AKOOL_KEY come from the CI's secrets.
set -euo pipefail
ID="$1"
curl -s "$AKOOL_API_URL/content/video/status/$ID" -H "x-api-key: $AKOOL_KEY"
curl -s "${AKOOL_API_URL}/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $AKOOL_KEY"
curl -s -X POST "${AKOOL_API_URL}/faceswap/create" -H "x-api-key: $AKOOL_KEY" -d '{}'
