#!/usr/bin/env bash
# Video translation with overridable endpoints.
set -eu
AKOOL_API="https://openapi.akool.com/api/open/v3"
TRANSLATE_PATH="${TRANSLATE_PATH:-/content/video/createbytranslate}"
LANGS_PATH="${LANGS_PATH:-/language/lists}"

curl -s -X POST "${AKOOL_API}${TRANSLATE_PATH}" \
  -H "x-api-key: ${AKOOL_KEY}" -H "Content-Type: application/json" \
  -d '{"url": "https://cdn.example.com/in.mp4", "language": "fr", "lipsync": "true"}'
curl -s -H "x-api-key: ${AKOOL_KEY}" "${AKOOL_API}${LANGS_PATH}"
