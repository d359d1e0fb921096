#!/usr/bin/env bash
# Nightly: check a render and the quota.
set -euo pipefail
: "${AKOOL_API_KEY:?}"
HOST="https://openapi.akool.com"

curl -sS -X POST "$HOST/api/open/v3/content/video/infobymodelid?video_model_id=$1" \
  -H "x-api-key: $AKOOL_API_KEY"

curl -sS "$HOST/api/open/v3/faceswap/quota/info" -H "x-api-key: $AKOOL_API_KEY"

curl -sS --request GET \
  "$HOST/api/open/v3/content/video/createbytalkingphoto" \
  -H "x-api-key: $AKOOL_API_KEY"
