#!/bin/sh
# list the v3 voices two ways
set -eu
curl -s "https://openapi.akool.com/api/open/v3/voice/list?from=3" \
  -H "Authorization: $AKOOL_API_KEY"

curl -s "https://openapi.akool.com/api/open/v3/voice/list?from=3" \
  -H "Authorization: Token $AKOOL_API_KEY"

curl -s "https://openapi.akool.com/api/open/v3/voice/list?from=3" \
  -H "X-API-KEY: $AKOOL_API_KEY"

curl -s "https://openapi.akool.com/api/open/v3/voice/list?from=3" \
  -H "Authorization: Bearer $AKOOL_TOKEN"
