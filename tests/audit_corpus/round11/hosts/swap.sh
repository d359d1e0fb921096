#!/bin/sh
curl -s -X POST "https://api.akool.com/v1/faceswap" -H "x-api-key: $AKOOL_API_KEY" -d "{\"source\": \"$1\", \"target\": \"$2\"}"
