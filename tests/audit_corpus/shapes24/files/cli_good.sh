#!/bin/sh
akool api GET /api/open/v3/content/video/infobymodelid -f video_model_id=64dd90f9f0b6684651e90d60
akool api POST /api/open/v3/content/video/createbytranslate -f url="$URL" -f language=es -F lipsync=true
