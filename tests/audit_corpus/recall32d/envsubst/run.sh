#!/usr/bin/env bash
export PHOTO="$1" AUDIO="$2"
envsubst < body.tmpl.json | curl -s -X POST "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" --data @-
