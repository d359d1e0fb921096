import requests

BASE = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": "KEY"}


def talk(photo, audio):
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "720p"}
    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body, headers=HEADERS)
    return r.json()["data"]["task_id"]


def status(vid):
    return requests.get(f"{BASE}/content/video/status/{vid}", headers=HEADERS).json()
