import json
import os

import httpx
import requests

# requests.request, httpx.request and a session's request with the documented reads: nothing to report.
url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
payload = json.dumps({
  "talking_photo_url": "https://example.com/face.jpg",
  "audio_url": "https://example.com/voice.mp3",
  "resolution": "720"
})
headers = {'x-api-key': os.environ["AKOOL_API_KEY"], 'Content-Type': 'application/json'}
response = requests.request("POST", url, headers=headers, data=payload)
video_id = response.json()["data"]["_id"]

status_url = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
r = httpx.request("GET", status_url, headers=headers, params={"video_model_id": video_id})
print(r.json()["data"]["video_status"], r.json()["data"]["video"])

with requests.Session() as s:
    answer = s.request("GET", status_url, headers=headers, params={"video_model_id": video_id}).json()
    print(answer["data"]["video"])
