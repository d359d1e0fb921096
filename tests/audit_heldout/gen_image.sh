#!/usr/bin/env bash
# Generate an image with AKOOL and print its URL.
# see https://docs.akool.com/ai-tools-suite/image-generate for the scale values
set -euo pipefail
AKOOL_API="${AKOOL_API:-https://openapi.akool.com}/api/open/v3"
PROMPT="${1:-a lighthouse at dusk}"

ID=$(curl -s -X POST "$AKOOL_API/content/image/createbyprompt" \
  -H "x-api-key: $AKOOL_API_KEY" -H 'Content-Type: application/json' \
  -d "{\"prompt\": \"$PROMPT\", \"size\": \"16:9\"}" | jq -r '.data._id')

while :; do
  OUT=$(curl -s "${AKOOL_API}/content/image/infobymodelid?image_model_id=$ID" -H "x-api-key: $AKOOL_API_KEY")
  [ "$(echo "$OUT" | jq -r .data.image_status)" = 3 ] && break
  sleep 5
done
echo "$OUT" | jq -r .data.image
