"""A job script configured from the environment, with fallbacks."""

import os

import requests

BASE = os.getenv("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")
RESOLUTION = os.getenv("AKOOL_RESOLUTION", "720p")
SCALE = os.environ.get("AKOOL_SCALE") or "1:1"
KEY = os.environ["AKOOL_API_KEY"]


def talk(photo: str, audio: str) -> str:
    r = requests.post(BASE + "/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "audio_url": audio, "resolution": RESOLUTION}, headers={"x-api-key": KEY})
    return r.json()["data"]["_id"]


def draw(prompt: str) -> str:
    r = requests.post(BASE + "/content/image/createbyprompt", json={"prompt": prompt, "scale": SCALE}, headers={"x-api-key": KEY})
    return r.json()["data"]["_id"]
