@echo off
:: the same calls as the docs write them
set AKOOL_API=https://openapi.akool.com/api/open/v3
curl -s -X POST "%AKOOL_API%/content/video/createbytalkingphoto" ^
  -H "x-api-key: %AKOOL_API_KEY%" ^
  -H "Content-Type: application/json" ^
  -d "{\"talking_photo_url\":\"%PHOTO%\",\"audio_url\":\"%AUDIO%\",\"resolution\":\"1080\",\"webhookUrl\":\"\"}"
curl -s "%AKOOL_API%/content/video/infobymodelid?video_model_id=%1" ^
  -H "x-api-key: %AKOOL_API_KEY%"
