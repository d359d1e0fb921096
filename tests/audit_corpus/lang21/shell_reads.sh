#!/usr/bin/env bash
API=https://openapi.akool.com/api/open/v3
R=$(curl -s "$API/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $K")
echo "$R" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d["status"], d["video"])'
echo "$R" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["video_url"])'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result[] | select(.faceswap_status == 3) | .url'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result[] | .video_url'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result | map(.image_url)'
