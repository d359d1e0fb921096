API=https://openapi.akool.com/api/open/v3
kind=${1:-image}
curl -s -X POST "$API/faceswap/highquality/specify${kind}" -H "x-api-key: $K" -d @body.json
curl -s -X POST "$API/faceswap/highquality/specify$kind" -H "x-api-key: $K" -d @body.json
