#!/usr/bin/env bash
# Make a voice-over MP3 for each line of script.txt.
set -euo pipefail
: "${AKOOL_API_KEY:?set AKOOL_API_KEY}"
BASE="https://openapi.akool.com/api/open/v3"
VOICE_ID="${VOICE_ID:-6889b628662160e2caad5dbc}"

while IFS= read -r line; do
  curl -sS -X POST "$BASE/audio/create" \
    -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
    -d "{\"input_text\": \"$line\", \"voice_id\": \"$VOICE_ID\", \"speed\": \"1.0\"}" \
    | jq -r '.data.url'
done < script.txt

curl -sS "$BASE/voice/list?from=2" -H "x-api-key: $AKOOL_API_KEY" | jq -r '.data[].name'
