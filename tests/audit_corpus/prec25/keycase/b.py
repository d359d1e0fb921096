import humps
import requests

BASE = "https://openapi.akool.com/api/open/v3"


def talk(photo, audio):
    body = humps.decamelize({"talkingPhotoUrl": photo, "audioUrl": audio, "resolution": "1080"})
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body).json()
