#!/bin/sh
# Try each voice list path on AKOOL's API until one answers.
AKOOL_API="https://openapi.akool.com/api/open"
for path in "/v3/voice/list?lang=it" "/v4/voice/list?type=2&lang=it"; do
  curl -sf "$AKOOL_API$path" -H "x-api-key: $AKOOL_API_KEY" -o voices.json && break
done
for path in "/v3/voice/list?from=3" "/v4/voice/list?type=1"; do
  curl -sf "$AKOOL_API$path" -H "x-api-key: $AKOOL_API_KEY" -o voices.json && break
done
