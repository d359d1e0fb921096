#!/bin/sh
curl -X POST "https://api.akool.com/api/open/v3/content/video/createbytalkingphoto" -H "Authorization: Bearer $KEY" -d '{"talking_photo_url":"a","audio_url":"b"}'
