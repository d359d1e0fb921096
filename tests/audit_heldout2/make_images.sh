#!/usr/bin/env bash
# Generate campaign images and narration with AKOOL.
# Usage: AKOOL_API_KEY=... ./make_images.sh "a prompt" "narration text" VOICE_ID
set -euo pipefail

AKOOL_BASE="${AKOOL_BASE:-https://openapi.akool.com}"
API="$AKOOL_BASE/api/open/v3"
PROMPT="$1"
TEXT="$2"
VOICE="${3:-en-US-1}"

post() {
  curl -sS --fail --retry 3 --retry-delay 2 -X POST "$1" \
    -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" -d "$2"
}

ID=$(curl -sS --retry 3 -X POST "$API/content/image/createbyprompt" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d '{"prompt":"'"$PROMPT"'","scale":"16:9"}' | jq -r '.data._id')

until [ "$(curl -sS "$API/content/image/infobymodelid?image_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.image_status')" = "3" ]; do
  sleep 5
done

curl -sS --retry 3 -X POST "$API/audio/create" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d "{\"input_text\": \"$TEXT\", \"voice\": \"$VOICE\"}"

post "$API/content/image/createbyprompt" '{"prompt":"'"$PROMPT"'","scale":"5:4"}'
