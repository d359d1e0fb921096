#!/bin/bash
API="https://openapi.akool.com/api/open/v3"
RESP=$(curl -s -X POST "$API/content/video/createbytalkingphoto" -H "x-api-key: $K" -d '{"talking_photo_url":"p","audio_url":"a"}')
echo "$RESP" | jq -r .data.task_id  # the job
for RESP in $(cat cached/*.json); do echo "$RESP" | jq -r .data.status; done
while read -r RESP; do echo "$RESP" | jq -r .data.task_id; done < jobs.jsonl
