#!/bin/sh
# Batch face swap over a list of target images, one per line in targets.txt.
AKOOL_API=${AKOOL_API:-https://openapi.akool.com/api/open/v3}
SOURCE_FACE="$1"

akool_post() {
  curl -s --fail --retry 5 -X POST "${AKOOL_API}$1" \
    -H "x-api-key: ${AKOOL_API_KEY}" -H "Content-Type: application/json" -d "$2"
}

akool_get() {
  curl -s --fail --retry 5 "${AKOOL_API}$1" -H "x-api-key: ${AKOOL_API_KEY}"
}

akool_get "/faceswap/quota/info"

while read -r target; do
  BODY="{\"sourceImage\":[{\"path\":\"$SOURCE_FACE\",\"opts\":\"\"}],\"targetImage\":[{\"path\":\"$target\",\"opts\":\"\"}],\"modifyImage\":\"$target\"}"
  akool_post "/faceswap/highquality/specifyImage" "$BODY"
done < targets.txt

akool_get "/faceswap/result/listbyids?_ids=$(cat ids.txt)"
