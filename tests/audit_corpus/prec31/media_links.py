import os

import requests

DASHBOARD = "https://content.akool.com/"
r = requests.post(
    "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
    json={
        "talking_photo_url": "https://cdn.example.com/p.jpg",
        "audio_url": "https://content.akool.com/media/hello.mp3",
    },
    headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
)
print(r.json()["data"]["_id"], DASHBOARD)
