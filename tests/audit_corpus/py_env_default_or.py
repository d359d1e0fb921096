import os

import requests

AKOOL_API = os.environ.get("AKOOL_API") or "https://openapi.akool.com/api/open/v3"


def talking_photo(photo, audio, resolution=None):
    body = {
        "talking_photo_url": photo,
        "audio_url": audio,
        "resolution": resolution or "720p",
    }
    return requests.post(f"{AKOOL_API}/content/video/createbytalkingphoto", json=body).json()


def talking_photo_hd(photo, audio, hd=False):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "1080" if hd else "480"}
    return requests.post(f"{AKOOL_API}/content/video/createbytalkingphoto", json=body).json()
