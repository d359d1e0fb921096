#!/bin/sh
# curl's short options bundled as people write them: -G inside a bundle is a GET whose data is the
# query; a bundled -d is a POST; -sXPOST is -s with -X POST.
API="https://openapi.akool.com/api/open/v3"
curl -fsSG "$API/faceswap/result/listbyids" --data-urlencode "_ids=$IDS" -H "x-api-key: $K" | jq .data.result
curl -sLG "$API/avatar/list" -d from=2 -d page=1 -H "x-api-key: $K"
curl -sd '{"prompt":"a cat","size":"1:1"}' "$API/content/image/createbyprompt" -H "x-api-key: $K"
curl -sSXPOST "$API/content/image/createbyprompt" -d '{"prompt":"a dog","scale":"16:10"}' -H "x-api-key: $K"
curl -sG "$API/content/video/infobymodelid" --data-urlencode "videoModelId=$ID" -H "x-api-key: $K"
curl -sd '{"image_model_id":"x"}' "$API/content/image/infobymodelid" -H "x-api-key: $K"
