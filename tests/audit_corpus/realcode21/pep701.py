"""Talking photo, the product's path segment taken from the job's settings (Python 3.12 f-strings)."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
job = {"kind": "video", "photo": "https://example.com/p.jpg", "audio": "https://example.com/a.mp3"}

r = requests.post(
    f"{BASE}/content/{job["kind"]}/createbytalkingphoto",
    headers=HEADERS,
    json={"talking_photo_url": job["photo"], "audio_url": job["audio"], "resolution": "720p"},
)
print(r.json()["data"]["task_id"])
