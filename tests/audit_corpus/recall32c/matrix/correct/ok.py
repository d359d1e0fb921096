"""Correct AKOOL usage in the shapes above: no finding expected."""

import os
import time
from enum import IntEnum

import requests

BASE = os.getenv("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}
DEFAULTS = {"resolution": "720"}


class Status(IntEnum):
    QUEUED = 1
    PROCESSING = 2
    DONE = 3
    FAILED = 4


def _request(method: str, path: str, **kw) -> dict:
    r = requests.request(method, BASE + path, headers=H, timeout=60, **kw)
    r.raise_for_status()
    return r.json()


def talk(photo: str, audio: str, resolution: str = "1080") -> str:
    body = {**DEFAULTS, "talking_photo_url": photo, "audio_url": audio}
    body["resolution"] = resolution
    return _request("POST", "/content/video/createbytalkingphoto", json=body)["data"]["_id"]


def wait(video_id: str) -> str:
    while True:
        data = _request("GET", "/content/video/infobymodelid", params={"video_model_id": video_id}).get("data", {})
        match data.get("video_status"):
            case Status.DONE:
                return data.get("video")
            case Status.FAILED:
                raise RuntimeError("failed")
        time.sleep(5)


def image(prompt: str) -> str:
    return _request("POST", "/content/image/createbyprompt", json={"prompt": prompt, "scale": "16:9"})["data"]["_id"]
