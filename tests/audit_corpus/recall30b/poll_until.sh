#!/usr/bin/env bash
BASE=https://openapi.akool.com/api/open/v3
akool() { curl -sS -H "x-api-key: $AKOOL_API_KEY" "$BASE$1" "${@:2}"; }
id=$1
until [ "$(akool "/content/video/detail?id=$id" | jq -r .data.video_status)" = 3 ]; do sleep 10; done
if [[ $(akool "/content/video/status/$id" | jq -r .data.video_status) == 3 ]]; then echo done; fi
