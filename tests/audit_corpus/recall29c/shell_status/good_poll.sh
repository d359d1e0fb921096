#!/usr/bin/env bash
set -euo pipefail
API="https://openapi.akool.com/api/open"
state=$(curl -fsS "$API/v4/voice/detail/$1" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.status')
if [ "$state" -eq 3 ]; then echo "voice ready"; fi
avatar=$(curl -fsS "$API/v3/avatar/detail?id=$2" -H "x-api-key: $AKOOL_API_KEY" | jq -r .data.status)
case "$avatar" in
  3) echo "avatar done" ;;
  4) echo "avatar failed" >&2; exit 1 ;;
esac
