#!/usr/bin/env bash
# Renders talking photos for every image under content/, keeping the results next to the script.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
DIR="$ROOT/content/images"
OUT="$ROOT/videos"
CACHE="$HOME/.cache/akool"
WORK=$(mktemp -d)
API="https://openapi.akool.com/api/open/v3"

mkdir -p "$OUT" "$CACHE/content/video"
for img in "$DIR"/*.png; do
  name=$(basename "$img" .png)
  cp "$img" "$WORK/content/image/$name.png"
  curl -s -X POST "$API/content/video/createbytalkingphoto" \
    -H "x-api-key: $AKOOL_KEY" -H "Content-Type: application/json" \
    -d "{\"talking_photo_url\": \"https://cdn.example.com/$name.png\", \"audio_url\": \"$AUDIO\"}" \
    > "$ROOT/content/video/$name.json"
done
ls "$PWD/content/video/result" "$OUT/faceswap/highquality"
curl -s "$API/content/video/status?id=1"
