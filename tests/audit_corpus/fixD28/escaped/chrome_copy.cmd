curl ^"https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto^" ^
  -H ^"content-type: application/json^" ^
  -H ^"x-api-key: %AKOOL_KEY%^" ^
  --data-raw ^"^{^\^"talking_photo_url^\^":^\^"https://example.com/a.png^\^",^\^"audio_url^\^":^\^"https://example.com/a.mp3^\^",^\^"resolution^\^":^\^"720p^\^"^}^" ^
  --compressed
