import requests
from dataclasses import dataclass, asdict
@dataclass
class PlainGood:
    talking_photo_url: str
    audio_url: str
    webhookUrl: str = ""
def create(r: PlainGood):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", json=asdict(r))
