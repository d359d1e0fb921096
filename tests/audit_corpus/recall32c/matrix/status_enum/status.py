"""Polls with the status values held in an IntEnum."""

import os
import time
from enum import IntEnum

import requests

class VideoStatus(IntEnum):
    """video_status as this app names it."""

    QUEUED = 1
    PROCESSING = 2
    DONE = 3
    FAILED = 5


BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def wait(video_id: str) -> str:
    while True:
        d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": video_id}, headers=H).json()["data"]
        if d["video_status"] == VideoStatus.DONE:
            return d["video"]
        if d["video_status"] == VideoStatus.FAILED:
            raise RuntimeError("failed")
        time.sleep(3)
