import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ.get("AKOOL_API_KEY", "")}


def talking_photo(image_url: str, audio_url: str, resolution: str = "720"):
    body = {"talking_photo_url": image_url, "audio_url": audio_url, "resolution": resolution}
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body, headers=HEADERS).json()
