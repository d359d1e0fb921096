import requests
from dataclasses import dataclass, asdict
@dataclass
class PlainReq:
    talking_photo_url: str
    audio_url: str
    webhook_url: str = ""
def create(r: PlainReq):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", json=asdict(r))
