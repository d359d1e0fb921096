"""A small AKOOL wrapper that returns typed results: pydantic for videos, a dataclass for images."""

import os
from dataclasses import dataclass

import requests
from pydantic import BaseModel

API = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


class VideoInfo(BaseModel):
    video_status: int
    video_url: str | None = None


@dataclass
class ImageInfo:
    image_status: int
    image: str = ""


def video(video_model_id: str) -> VideoInfo:
    j = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": video_model_id}, headers=HEADERS).json()
    return VideoInfo(**j["data"])


def image(image_model_id: str) -> ImageInfo:
    r = requests.get(f"{API}/content/image/infobymodelid", params={"image_model_id": image_model_id}, headers=HEADERS)
    data = r.json()["data"]
    return ImageInfo(**data)
