#!/usr/bin/env bash
# Sign in on AKOOL's website, then list avatars, through one base.
set -euo pipefail
AKOOL_ROOT="https://api.akool.com"

curl -s -X POST "$AKOOL_ROOT/api/v1/public/login" -H 'Content-Type: application/json' \
  -d '{"email": "me@example.com", "password": "x"}'

curl -s "${AKOOL_ROOT}/api/open/v3/avatar/list" -H "x-api-key: $AKOOL_API_KEY"
