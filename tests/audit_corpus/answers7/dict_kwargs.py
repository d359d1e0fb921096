"""A talking photo whose body is built with dict(...) (written for the audit's corpus)."""

import requests

API = "https://openapi.akool.com/api/open/v3"


def talk(photo, audio, hook):
    body = dict(talking_photo_url=photo, audio_url=audio, resolution="720p", webhook_url=hook)
    return requests.post(f"{API}/content/video/createbytalkingphoto", json=body).json()["data"]["_id"]


def options(**extra):
    return dict(timeout=30, **extra)
