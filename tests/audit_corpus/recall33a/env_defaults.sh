#!/usr/bin/env bash
# sourced helpers: defaults, a wrapper, and one-line functions over it
: "${AKOOL_URL:=https://openapi.akool.com/api/open/v3}"
: "${AKOOL_API_KEY:?set AKOOL_API_KEY}"
akool_post() { curl -fsS -X POST "$AKOOL_URL$1" -H "x-api-key: $AKOOL_API_KEY" -H 'Content-Type: application/json' -d "$2"; }
new_photo() { akool_post /content/video/createbytalkingphoto "{\"talking_photo_url\":\"$1\",\"audio_url\":\"$2\",\"resolution\":\"2k\"}" | jq -r .data._id; }
new_image() { akool_post /content/image/createbyprompt "{\"prompt\":\"$1\",\"scale\":\"1:1\"}" | jq -r .data._id; }
