#!/usr/bin/env bash
# Stop the nightly AKOOL batch when the account runs low on credit.
set -euo pipefail
AKOOL="https://openapi.akool.com/api/open/v3"

credit=$(curl -s -H "x-api-key: $AKOOL_API_KEY" "$AKOOL/user/credit/balance" | jq -r '.data.credit')
if [ "${credit%.*}" -lt 100 ]; then
  echo "low on AKOOL credit: $credit" >&2
  exit 1
fi
