"""Tiny AKOOL talking-photo client used by our marketing bot."""

import time

import requests


class AkoolClient:
    BASE_URL = "https://openapi.akool.com/api/open/v3"

    def __init__(self, api_key: str) -> None:
        self.session = requests.Session()
        self.session.headers.update({"x-api-key": api_key})

    def create(self, photo: str, audio: str, resolution: str = "720p") -> str:
        payload = {
            "image_url": photo,
            "audio_url": audio,
            "resolution": resolution,
        }
        r = self.session.post(f"{self.BASE_URL}/content/video/createbytalkingphoto", json=payload)
        r.raise_for_status()
        return r.json()["data"]["task_id"]

    def status(self, vid: str) -> dict:
        r = self.session.get(f"{self.BASE_URL}/content/video/status/{vid}")
        return r.json()["data"]

    def wait(self, vid: str) -> str:
        while True:
            info = self.session.get(
                f"{self.BASE_URL}/content/video/infobymodelid", params={"video_model_id": vid}
            ).json()["data"]
            if info["video_status"] == 3:
                return info["video"]
            time.sleep(10)
