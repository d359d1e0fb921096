"""Talking photo job with settings that fall back to a defaults table."""
import os

import requests

DEFAULTS = {"resolution": os.getenv("TP_RES") or "720p", "retries": int(os.getenv("TP_RETRIES", "3"))}


def create(img, audio, resolution=None, webhook=None, scale="21:9"):
    r = requests.post(
        "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
        headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
        json={"talking_photo_url": img, "audio_url": audio, "resolution": resolution or DEFAULTS["resolution"]},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["data"]["_id"]


def thumbnail(prompt, *, size: int = 0, ratio: str = "2:1"):
    r = requests.post(
        "https://openapi.akool.com/api/open/v3/content/image/createbyprompt",
        headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
        json={"prompt": prompt, "scale": ratio},
        timeout=30,
    )
    return r.json()["data"]["_id"]
