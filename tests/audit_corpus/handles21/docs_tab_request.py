import json

import requests

# As docs.akool.com's Python tabs write it: requests.request with the method first.
url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
payload = json.dumps({
  "talking_photo_url": "https://example.com/face.jpg",
  "audio_url": "https://example.com/voice.mp3",
  "resolution": "1080"
})
headers = {'x-api-key': '{{API Key}}', 'Content-Type': 'application/json'}
response = requests.request("POST", url, headers=headers, data=payload)
print(response.json()["data"]["video_url"])
