#!/bin/bash
# A curl body held in a name: a quoted JSON text, a here-document's text by $(cat <<EOF) or `read`.
API=https://openapi.akool.com/api/open/v3
PROMPT_BODY='{"prompt": "a cat", "size": "1:1"}'
curl -s -X POST "$API/content/image/createbyprompt" -H "Content-Type: application/json" -d "$PROMPT_BODY"

TALK_BODY=$(cat <<EOF
{
  "talking_photo_url": "https://example.com/a.jpg",
  "audio_url": "https://example.com/a.mp3",
  "resolution": "720p"
}
EOF
)
curl -s -X POST "$API/content/video/createbytalkingphoto" -H "Content-Type: application/json" --data-binary "${TALK_BODY}"

curl -s -X POST "$API/content/image/createbyprompt" -H "Content-Type: application/json" -d "$(cat <<EOF
{"prompt": "a dog", "scale": "5:4"}
EOF
)"

read -r -d '' IMAGE_BODY <<'EOF'
{"prompt": "a fish", "scale": "1:1", "webhook": "https://example.com/hook"}
EOF
curl -s -X POST "$API/content/image/createbyprompt" -H "Content-Type: application/json" -d "$IMAGE_BODY"
