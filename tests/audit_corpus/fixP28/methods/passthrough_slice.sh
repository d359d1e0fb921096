#!/bin/bash
# A wrapper that forwards every word after the path to curl.
API=https://openapi.akool.com/api/open/v4
call() {
  curl -sS -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" "$API$1" "${@:2}"
}
call /voice/list?type=1
call /voice/clone --json "{\"source_voice_file\": \"$1\", \"name\": \"mine\"}"
