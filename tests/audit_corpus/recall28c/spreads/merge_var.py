import requests
API = "https://openapi.akool.com/api/open/v3"
DEFAULTS = {"resolution": "720p"}

def talk(p, a):
    payload = {**DEFAULTS, "talking_photo_url": p, "audio_url": a}
    return requests.post(f"{API}/content/video/createbytalkingphoto", json=payload).json()

def talk2(p, a):
    payload = dict(DEFAULTS, talking_photo_url=p, audio_url=a)
    return requests.post(f"{API}/content/video/createbytalkingphoto", json=payload).json()

def talk3(p, a):
    payload = DEFAULTS | {"talking_photo_url": p, "audio_url": a}
    return requests.post(f"{API}/content/video/createbytalkingphoto", json=payload).json()
