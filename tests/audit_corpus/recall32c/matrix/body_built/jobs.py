"""Builds request bodies over several statements before sending them."""

import os

import requests

API = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}
DEFAULTS = {"webhookUrl": os.environ.get("AKOOL_HOOK", "")}


def talking_photo(photo: str, audio: str, hd: bool) -> str:
    payload = {"talking_photo_url": photo, "audio_url": audio}
    payload["resolution"] = "1080p" if hd else "720"
    r = requests.post(f"{API}/content/video/createbytalkingphoto", json=payload, headers=HEADERS)
    return r.json()["data"]["_id"]


def image(prompt: str, opts: dict) -> str:
    body = {**DEFAULTS, **opts}
    body.update({"prompt": prompt, "size": "16:9"})
    r = requests.post(f"{API}/content/image/createbyprompt", json=body, headers=HEADERS)
    return r.json()["data"]["_id"]
