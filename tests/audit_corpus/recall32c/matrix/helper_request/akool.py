"""AKOOL client: every call goes through _request, which sends what its caller gives."""

import os

import requests


class Akool:
    def __init__(self, key: str | None = None, base: str = "https://openapi.akool.com/api/open/v3"):
        self.base = base
        self.session = requests.Session()
        self.session.headers.update({"x-api-key": key or os.environ["AKOOL_API_KEY"]})

    def _request(self, method: str, path: str, **kw) -> dict:
        r = self.session.request(method, f"{self.base}{path}", timeout=60, **kw)
        r.raise_for_status()
        return r.json()

    def talking_photo(self, photo: str) -> str:
        out = self._request("POST", "/content/video/createbytalkingphoto", json={"talking_photo_url": photo, "resolution": "720"})
        return out["data"]["_id"]

    def video(self, video_id: str) -> dict:
        return self._request("GET", "/content/video/infobymodelid", params={"video_model_id": video_id})["data"]

    def image(self, image_id: str) -> dict:
        return self._request("GET", "/content/image/infobymodel", params={"image_model_id": image_id})["data"]
