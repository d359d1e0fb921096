"""Talking photos from a folder of portraits; the payload's comments list options we skip."""
import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def talk(photo: str, audio: str) -> str:
    payload = {
        "talking_photo_url": photo,
        "audio_url": audio,
        # optional: prompt, webhookUrl
        # "resolution": "4k",
        "resolution": "1080",  # quality: best
    }
    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json=payload, headers=HEADERS)
    return r.json()["data"]["_id"]


def talk_silent(photo: str) -> str:
    r = requests.post(
        f"{BASE}/content/video/createbytalkingphoto",
        json={"talking_photo_url": photo, "resolution": "720"},
        headers=HEADERS,
    )
    return r.json()["data"]["_id"]
