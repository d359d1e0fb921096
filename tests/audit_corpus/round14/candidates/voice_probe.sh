#!/usr/bin/env bash
# Try AKOOL's voice lists in turn.
set -euo pipefail
AKOOL="https://openapi.akool.com/api/open"

for url in "$AKOOL/v3/voice/list?lang=zh" "$AKOOL/v4/voice/list?type=2&language=zh"; do
  if curl -sf "$url" -H "x-api-key: $AKOOL_API_KEY" -o voices.json; then
    break
  fi
done

for url in "$AKOOL/v3/voice/list?from=3" "$AKOOL/v4/voice/list?type=1&size=20"; do
  curl -sf "$url" -H "x-api-key: $AKOOL_API_KEY" -o voices2.json && break
done
