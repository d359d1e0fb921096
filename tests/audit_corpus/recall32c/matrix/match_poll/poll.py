"""Polls an image job with match/case."""

import os
import time

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def wait_image(image_id: str) -> str:
    while True:
        data = requests.get(f"{BASE}/content/image/infobymodelid", params={"image_model_id": image_id}, headers=H).json()["data"]
        match data["image_status"]:
            case 2:
                return data["image"]
            case 4:
                raise RuntimeError("image failed")
            case _:
                time.sleep(3)
