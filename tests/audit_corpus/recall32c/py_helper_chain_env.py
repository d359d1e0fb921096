"""Makes talking-photo videos through a helper that adds the webhook and hands the call on."""

import os
import requests

BASE = "https://openapi.akool.com/api/open/v3"


def akool_post(path: str, body: dict) -> dict:
    r = requests.post(BASE + path, json=body, timeout=60)
    return r.json()


def akool_post_hooked(path: str, body: dict) -> dict:
    return akool_post(path, {**body, "webhookUrl": os.environ.get("HOOK", "")})


def make_hooked(photo: str, audio: str) -> str:
    return akool_post_hooked("/content/video/createbytalkingphoto", {"talking_photo_url": photo, "audio_url": audio})["data"]["_id"]
