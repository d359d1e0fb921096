"""Talking photo, the product's path segment taken from the job's settings (Python 3.12 f-strings)."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
job = {"kind": "video", "photo": "https://example.com/p.jpg", "audio": "https://example.com/a.mp3"}

r = requests.post(
    f"{BASE}/content/{job["kind"]}/createbytalkingphoto",
    headers=HEADERS,
    json={"talking_photo_url": job["photo"], "audio_url": job["audio"], "resolution": "1080"},
)
video_id = r.json()["data"]["_id"]
s = requests.get(f"{BASE}/content/{job["kind"]}/infobymodelid?video_model_id={video_id}", headers=HEADERS)
print(s.json()["data"]["video"])
