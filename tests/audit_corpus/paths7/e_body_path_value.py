"""A body whose value is a path: the body is still the request's, not a table of paths."""
import requests
BASE = "https://openapi.akool.com/api/open/v3"
def talk():
    body = {
        "talking_photo_url": "/uploads/abc",
        "audio_url": "b",
        "resolution": "720p",
    }
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body)
