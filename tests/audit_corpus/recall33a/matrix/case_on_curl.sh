#!/bin/sh
BASE=https://openapi.akool.com/api/open/v3
case "$(curl -s "$BASE/content/image/infobymodelid?image_model_id=$1" -H "x-api-key: $AKOOL_API_KEY" | jq -r .data.image_status)" in
  2) echo "done" ;;
  4) echo "failed"; exit 1 ;;
  *) echo "pending" ;;
esac
