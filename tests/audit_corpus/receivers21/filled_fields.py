import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def talk(kind, photo, audio):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "4k"}
    return requests.post(f"{BASE}/content/{kind}/createbytalkingphoto", json=body, headers=H)


def status(kind, model_id):
    return requests.get(f"{BASE}/content/{kind}/status", params={"id": model_id}, headers=H)
