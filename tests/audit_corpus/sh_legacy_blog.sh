#!/usr/bin/env bash
BASE=https://api.akool.com
TOKEN=$(curl -s -X POST "$BASE/auth" -d '{"clientId": "'"$ID"'", "clientSecret": "'"$SECRET"'"}' | jq -r .token)
curl -s -X POST "$BASE/photo/talking" -H "Authorization: Bearer $TOKEN" \
  -d '{"talking_photo_url": "https://x.example/me.jpg", "audio_url": "https://x.example/a.mp3"}'
