#!/bin/sh
API="https://openapi.akool.com/api/open/v3"
curl -s -X POST "$API/content/image/createbyprompt" -H "x-api-key: $AKOOL_API_KEY" \
  -H 'Content-Type: application/json' \
  -d "{\"prompt\": \"$PROMPT\", \"scale\": \"16:10\"}"
