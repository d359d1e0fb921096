#!/usr/bin/env bash
# two wrappers: a one-liner that always POSTs, and one that takes the method first
set -euo pipefail
BASE="${AKOOL_BASE:-https://openapi.akool.com/api/open/v3}"

call() { curl -sS "$BASE$1" -H "x-api-key: $AKOOL_API_KEY" -H 'Content-Type: application/json' -d "$2"; }

function akool {
  local method="$1" path="$2" body="${3:-}"
  curl -sS -X "$method" "${BASE}${path}" -H "x-api-key: $AKOOL_API_KEY" ${body:+-d "$body"}
}

call /content/image/createbyprompt '{"prompt":"a red fox","size":"1:1"}'
call /content/video/createbytalkingphoto '{"talking_photo_url":"https://x/p.png","audio_url":"https://x/a.mp3","resolution":"1080"}'
akool GET "/content/video/infobymodelid?video_model_id=$ID"
akool POST "/content/image/infobymodelid?image_model_id=$IMG"
akool POST /content/video/status '{"id":"1"}'
