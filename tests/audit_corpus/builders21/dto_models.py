"""Requests sent as pydantic models and dataclasses."""
from dataclasses import asdict, dataclass

import requests
from pydantic import BaseModel

BASE = "https://openapi.akool.com/api/open/v3"


class TalkRequest(BaseModel):
    talking_photo_url: str
    audio_url: str
    resolution: str = "720p"


class GoodTalk(BaseModel):
    talking_photo_url: str
    audio_url: str
    resolution: str = "1080"
    webhookUrl: str | None = None


@dataclass
class ImageRequest:
    prompt: str
    size: str = "1:1"


@dataclass
class Settings:
    base_url: str = BASE
    api_key: str = ""


settings = Settings()


def talk(u, a):
    req = TalkRequest(talking_photo_url=u, audio_url=a)
    return requests.post(f"{settings.base_url}/content/video/createbytalkingphoto", json=req.model_dump()).json()


def image(p):
    return requests.post(f"{BASE}/content/image/createbyprompt", json=asdict(ImageRequest(p)))


def talk_hd(u, a):
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", headers={"x-api-key": settings.api_key},
                         json=TalkRequest(talking_photo_url=u, audio_url=a, resolution="1080p").dict())


def talk_good(u, a):
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=GoodTalk(talking_photo_url=u, audio_url=a).model_dump())
