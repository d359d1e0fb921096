import requests
from dataclasses import dataclass
@dataclass
class Settings:
    api_key: str
    timeout: int = 30
@dataclass
class Talk:
    talking_photo_url: str
    audio_url: str
def create(settings: Settings, body: Talk):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", json=body, headers={"x-api-key": settings.api_key}, timeout=settings.timeout)
def create2(settings: Settings, payload: dict):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", payload, settings)
