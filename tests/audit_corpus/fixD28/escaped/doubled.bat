@echo off
set KEY=%AKOOL_API_KEY%
curl -s -X POST https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto -H "x-api-key: %KEY%" -H "Content-Type: application/json" -d "{""talking_photo_url"":""https://example.com/a.png"",""audio_url"":""https://example.com/a.mp3"",""resolution"":""720p""}"
