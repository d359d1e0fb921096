import requests
from pydantic import BaseModel

BASE = "https://openapi.akool.com/api/open/v3"


class CreateOptions(BaseModel):
    photo: str
    audio: str


def to_wire(o: CreateOptions) -> dict:
    return {"talking_photo_url": o.photo, "audio_url": o.audio}


def create(opts: CreateOptions):
    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=to_wire(opts))
