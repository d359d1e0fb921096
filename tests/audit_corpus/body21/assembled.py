"""Bodies built key by key before they are sent."""
import requests

BASE = "https://openapi.akool.com/api/open/v3"


def talk(photo, hook):
    payload = {}
    payload["talking_photo_url"] = photo
    payload["webhookUrl"] = hook
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=payload).json()


def talk_with_extras(photo, extra):
    payload = {"talking_photo_url": photo}
    payload.update(extra)
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=payload).json()
