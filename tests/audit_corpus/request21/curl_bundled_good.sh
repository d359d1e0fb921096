#!/bin/sh
# The same calls, correct: no finding.
API="https://openapi.akool.com/api/open/v3"
curl -fsSG "$API/faceswap/result/listbyids" --data-urlencode "_ids=$IDS" -H "x-api-key: $K" | jq .data.result
curl -sLG "$API/avatar/list" -d from=2 -d page=1 -H "x-api-key: $K"
curl -sd '{"prompt":"a cat","scale":"1:1"}' "$API/content/image/createbyprompt" -H "x-api-key: $K"
curl -sSXPOST "$API/content/image/createbyprompt" -d '{"prompt":"a dog","scale":"1:1"}' -H "x-api-key: $K"
curl -sG "$API/content/video/infobymodelid" --data-urlencode "video_model_id=$ID" -H "x-api-key: $K"
curl -sXGET "$API/content/video/infobymodelid?video_model_id=$ID" -H "x-api-key: $K"
curl -s -XDELETE "https://openapi.akool.com/api/open/v4/knowledge/delete?id=$KB" -H "x-api-key: $K"
