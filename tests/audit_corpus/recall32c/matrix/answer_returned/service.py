"""A service layer: the client returns AKOOL's answer, the caller reads it."""

import os
import time

import requests

BASE = "https://openapi.akool.com/api/open/v3"


def get_video(video_id: str) -> dict:
    r = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": video_id}, headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
    return r.json()


def get_image(image_id: str) -> dict:
    r = requests.get(f"{BASE}/content/image/infobymodelid", params={"image_model_id": image_id}, headers={"x-api-key": os.environ["AKOOL_API_KEY"]})
    return r.json()["data"]


def wait_video(video_id: str) -> str:
    while True:
        info = get_video(video_id)
        if info["data"]["video_status"] == 3:
            return info["data"]["video_url"]
        time.sleep(5)


def image_url(image_id: str) -> str:
    data = get_image(image_id)
    return data["image"]
