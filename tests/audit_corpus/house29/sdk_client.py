"""A small client class for AKOOL's talking photo, and a script using it."""
import os

import requests

API = "https://openapi.akool.com/api/open/v3"


class TalkingPhotoClient:
    def __init__(self, api_key: str) -> None:
        self.session = requests.Session()
        self.session.headers["x-api-key"] = api_key

    def _post(self, path: str, payload: dict) -> dict:
        return self.session.post(API + path, json=payload, timeout=30).json()

    def create(self, photo: str, audio: str, resolution: str = "720") -> dict:
        return self._post("/content/video/createbytalkingphoto", {
            "talking_photo_url": photo,
            "audio_url": audio,
            "resolution": resolution,
        })


if __name__ == "__main__":
    client = TalkingPhotoClient(os.environ["AKOOL_API_KEY"])
    hd = client.create("https://example.com/me.jpg", "https://example.com/hi.mp3", resolution="1080")
    sd = client.create("https://example.com/me.jpg", "https://example.com/hi.mp3", "480p")
    print(hd["data"]["_id"], sd["data"]["_id"])
