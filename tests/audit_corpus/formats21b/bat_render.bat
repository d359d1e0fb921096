@echo off
rem Render a talking photo, then poll it (curl ships with Windows 10+)
set "AKOOL_API=https://openapi.akool.com/api/open/v3"
curl -s -X POST "%AKOOL_API%/content/video/createbytalkingphoto" ^
  -H "x-api-key: %AKOOL_API_KEY%" ^
  -H "Content-Type: application/json" ^
  -d "{\"talking_photo_url\":\"%PHOTO%\",\"audio_url\":\"%AUDIO%\",\"resolution\":\"1080p\",\"webhook_url\":\"\"}"
curl -s "%AKOOL_API%/content/video/status/%1" ^
  -H "x-api-key: %AKOOL_API_KEY%"
