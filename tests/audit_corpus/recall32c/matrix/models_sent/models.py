"""Request bodies as typed models, sent as dicts."""

import os
from dataclasses import asdict, dataclass
from typing import TypedDict

import requests
from pydantic import BaseModel

API = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


class TalkingPhoto(BaseModel):
    """The talking-photo body."""

    talking_photo_url: str
    audio_url: str
    resolution: str = "720"
    webhook_url: str | None = None


@dataclass
class Prompt:
    """The text-to-image body."""

    prompt: str
    scale: str = "1:1"


class Swap(TypedDict):
    sourceImage: list
    targetImage: list
    modifyImage: str
    face_enhance: int


def talk(photo: str, audio: str) -> str:
    body = TalkingPhoto(talking_photo_url=photo, audio_url=audio)
    r = requests.post(f"{API}/content/video/createbytalkingphoto", json=body.model_dump(exclude_none=True), headers=HEADERS)
    return r.json()["data"]["_id"]


def draw(text: str) -> str:
    r = requests.post(f"{API}/content/image/createbyprompt", json=asdict(Prompt(prompt=text, scale="21:9")), headers=HEADERS)
    return r.json()["data"]["_id"]


def swap(src: str, dst: str, image: str) -> str:
    body: Swap = {"sourceImage": [{"path": src, "opts": ""}], "targetImage": [{"path": dst, "opts": ""}], "modifyImage": image, "face_enhance": 1}
    r = requests.post(f"{API}/faceswap/highquality/specifyimage", json=body, headers=HEADERS)
    return r.json()["data"]["_id"]
