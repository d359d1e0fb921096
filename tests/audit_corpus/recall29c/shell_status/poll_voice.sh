#!/usr/bin/env bash
# Poll a v4 voice job and a v3 avatar until they finish.
set -euo pipefail
API="https://openapi.akool.com/api/open"
job="$1"

while true; do
  state=$(curl -fsS "$API/v4/voice/detail/$job" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data.status')
  if [[ "$state" == "success" ]]; then
    echo "voice ready"
    break
  fi
  sleep 5
done

avatar=$(curl -fsS "$API/v3/avatar/detail?id=$2" -H "x-api-key: $AKOOL_API_KEY" | jq -r .data.status)
case "$avatar" in
  2) echo "avatar done" ;;
  4) echo "avatar failed" >&2; exit 1 ;;
esac
