#!/usr/bin/env bash
# ak.sh -- tiny wrapper used by our render scripts
akool() {
  local method=$1 path=$2
  shift 2
  curl -sS -X "$method" "${AKOOL_API:-https://openapi.akool.com/api/open/v3}$path" \
    -H "x-api-key: $AKOOL_API_KEY" -H 'Content-Type: application/json' "$@"
}

akool POST /content/video/createbytalkingphoto -d "{\"talking_photo_url\":\"$1\",\"audio_url\":\"$2\"}" | jq -r .data._id
akool POST /content/image/createbyprompt -d '{"prompt":"studio backdrop, soft light","scale":"16:9","model":"sdxl"}' | jq -r .data._id
