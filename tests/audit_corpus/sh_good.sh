#!/usr/bin/env bash
# Check the credit and list the voices: documented calls only, but voice/list (v4) without the type
# its page marks required (one missing-field finding).
# Webhook receiver for later: http://localhost:8080/api/open/v3/webhook
BASE="${AKOOL_BASE:-https://openapi.akool.com}"
curl -s "$BASE/api/open/v3/faceswap/quota/info" -H "x-api-key: $AKOOL_API_KEY" | jq -r .data.credit
curl -s "$BASE/api/open/v4/voice/list?page=1&size=10" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.result[].voice_id'
