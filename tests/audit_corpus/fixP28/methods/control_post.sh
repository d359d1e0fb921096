#!/bin/sh
BASE=https://openapi.akool.com/api/open/v4

akool() {
  path=$1; shift
  curl -sS -H "x-api-key: $AKOOL_API_KEY" "$@" "$BASE$path"
}

akool "/voice/list?type=2" -X POST
