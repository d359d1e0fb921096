#!/bin/sh
# Drive AKOOL through the akool CLI's raw call.
akool api POST /api/open/v3/content/video/createbytalkingphoto \
  -f talking_photo_url="$PHOTO" -f audio_url="$AUDIO" -f resolution=720p
akool api GET /api/open/v3/content/video/status/123
