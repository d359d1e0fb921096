#!/usr/bin/env bash
set -euo pipefail
: "${AKOOL_URL:=https://openapi.akool.com/api/open/v3}"
akool_get() { curl -fsS "$AKOOL_URL$1" -H "x-api-key: $AKOOL_API_KEY"; }
credit=$(akool_get /faceswap/quota/info | jq -r .data.credit)
echo "credit: $credit"
id=$(curl -fsS -X POST "$AKOOL_URL/content/image/createbyprompt" -H "x-api-key: $AKOOL_API_KEY" \
  -H 'Content-Type: application/json' -d '{"prompt":"a cat","scale":"1:1"}' | jq -r .data._id)
until [ "$(akool_get "/content/image/infobymodelid?image_model_id=$id" | jq -r .data.image_status)" = 3 ]; do sleep 5; done
akool_get "/content/image/infobymodelid?image_model_id=$id" | jq -r .data.image
