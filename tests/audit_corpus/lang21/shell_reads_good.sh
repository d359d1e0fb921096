#!/usr/bin/env bash
API=https://openapi.akool.com/api/open/v3
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result[] | select(.faceswap_status == 3) | .url'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result[] | {id: ._id, url: .url}'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result | map(.url)'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '[.data.result[] | .url] | join(",")'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result[0].url'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result[] | .url | ascii_downcase | .foo'
curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K" | jq -r '.data.result[] | "\(.url) \(._id)"'
R=$(curl -s "$API/faceswap/result/listbyids?_ids=$IDS" -H "x-api-key: $K")
echo "$R" | jq -r '.data.result[] | .url'
echo "$R" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d["result"][0]["url"])'
R2=$(curl -s "$API/content/video/infobymodelid?video_model_id=$1" -H "x-api-key: $K")
echo "$R2" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d["video_status"], d.get("video"))'
echo "$R2" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["code"], j["data"]["video_status"])'
