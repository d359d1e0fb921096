#!/bin/sh
# voices.sh: list our cloned voices, or clone a new one.
BASE=${AKOOL_BASE:-https://openapi.akool.com/api/open/v4}

akool() {
  path=$1; shift
  curl -sS -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" "$@" "$BASE$path"
}

akool "/voice/list?type=1&page=1&size=100"
akool /voice/clone -X POST -d "{\"source_voice_file\": \"$1\", \"name\": \"$2\"}"
akool /voice/tts -d "{\"input_text\": \"hello\", \"voice_id\": \"$3\"}"
akool /voice/tts --request POST --data "{\"input_text\": \"hello\", \"voice_id\": \"$3\"}"
