"""Defaults merged into held bodies, each overridden or documented."""
import requests

AKOOL = "https://openapi.akool.com/api/open/v3"
FALLBACK = {"resolution": "720p"}
RIGHT = {"resolution": "1080"}


def hd(photo, audio):
    body = dict(FALLBACK, talking_photo_url=photo, audio_url=audio, resolution="1080")
    requests.post(AKOOL + "/content/video/createbytalkingphoto", json=body)
    merged = RIGHT | {"talking_photo_url": photo, "audio_url": audio}
    requests.post(AKOOL + "/content/video/createbytalkingphoto", json=merged)
    spread = {**FALLBACK, "talking_photo_url": photo, "audio_url": audio, "resolution": "720"}
    return requests.post(AKOOL + "/content/video/createbytalkingphoto", json=spread)
