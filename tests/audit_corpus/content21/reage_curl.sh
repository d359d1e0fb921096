#!/usr/bin/env bash
# Reage one photo with AKOOL (face from the detect step in $OPTS).
set -euo pipefail
curl -s -X POST "https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage" \
  -H "x-api-key: $AKOOL_API_KEY" -H "Content-Type: application/json" \
  -d '{"targetImage": [{"path": "'"$FACE"'", "opts": "'"$OPTS"'"}], "face_reage": 35, "modifyImage": "'"$IMG"'"}'
