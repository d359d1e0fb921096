#!/bin/sh
# Reage a photo (see https://docs.akool.com/ai-tools-suite/reage)
API="${AKOOL_API:-https://openapi.akool.com}/api/open/v3"

curl -X POST "${API}/faceswap/highquality/imgreage" \
  -H "x-api-key: ${AKOOL_API_KEY}" \
  -d "{\"targetImage\": [{\"path\": \"$1\"}], \"face_reage\": 10, \"modifyImage\": \"$1\"}"

curl -X POST "${API}/faceswap/highquality/reage" -H "x-api-key: ${AKOOL_API_KEY}" -d "{}"
