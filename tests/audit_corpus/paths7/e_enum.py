from enum import Enum
import requests

BASE = "https://openapi.akool.com/api/open/v3"
settings = {}

class Path(str, Enum):
    TALK = "/content/video/createbytalkingphoto"
    STATUS = "/content/video/status"

IMAGE = settings.get("image_path", "/content/image/createbyprompts")

def post(path, body):
    return requests.post(BASE + path, json=body)

post(Path.TALK.value, {"talking_photo_url": "a", "audio_url": "b", "resolution": "720p"})
post(Path.STATUS, {})
post(IMAGE, {"prompt": "x"})
