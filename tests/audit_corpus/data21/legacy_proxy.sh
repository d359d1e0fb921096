#!/usr/bin/env bash
# Maps an old AKOOL path (from our access log) to the documented one, then calls it.
set -euo pipefail
API="https://openapi.akool.com"
old="$1"
case "$old" in
  /api/open/v3/photo/talking)
    new=/api/open/v3/content/video/createbytalkingphoto ;;
  "/api/open/v3/content/video/status"|"/api/open/v2/faceswap")
    echo "no documented replacement for /api/open/v3/content/video/status" >&2; exit 1 ;;
  *) new="$old" ;;
esac
if [ "$old" = "/api/open/v3/faceswap/highquality/image" ]; then
  echo "renamed: use /api/open/v3/faceswap/highquality/specifyimage"
fi
if [[ "$old" == "/api/open/v1/faceswap" ]]; then exit 1; fi
sqlite3 hits.db "INSERT INTO hits(path) VALUES ('/api/open/v3/photo/talking')"
curl -s -X POST "$API$new" -H "x-api-key: $AKOOL_API_KEY" -d @body.json
# still a call: AKOOL documents no such path
curl -s "$API/api/open/v3/content/video/status/$2" -H "x-api-key: $AKOOL_API_KEY"
