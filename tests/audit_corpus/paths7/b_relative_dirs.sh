#!/bin/bash
API="https://openapi.akool.com/api/open/v3"
OUT=./out
DL="/tmp/akool"
H="$(python -c 'import os; print(os.environ["HOME"])')"
mkdir -p "$OUT/content/video" "$DL/faceswap/result"
curl -s "$API/content/video/status"
