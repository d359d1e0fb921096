"""A small AKOOL client the way many projects write one: a session, a base URL, two wrappers."""
import os

import requests


class AkoolClient:
    def __init__(self, api_key: str, base_url: str = "https://openapi.akool.com/api/open/v3"):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"x-api-key": api_key})

    def _post(self, path: str, payload: dict) -> dict:
        url = self.base_url + path
        resp = self.session.post(url, json=payload, timeout=30)
        resp.raise_for_status()
        return resp.json()

    def _get(self, path: str, params: dict | None = None) -> dict:
        url = f"{self.base_url}/{path.lstrip('/')}"
        return self.session.get(url, params=params, timeout=30).json()

    def talking_photo(self, photo: str, audio: str) -> dict:
        return self._post(
            "/content/video/createbytalkingphoto",
            {"talking_photo_url": photo, "audio_url": audio, "resolution": "720p"},
        )

    def video_info(self, video_id: str) -> dict:
        return self._post("/content/video/infobymodelid", {"video_model_id": video_id})

    def video_status(self, video_id: str) -> dict:
        return self._get(f"/content/video/status/{video_id}")

    def face_swap(self, source: str, target: str) -> dict:
        payload = {"sourceImage": [{"path": source}], "targetImage": [{"path": target}]}
        payload["face_enhance"] = 1
        payload["webhook_url"] = os.environ.get("HOOK", "")
        return self._post("/faceswap/highquality/specifyimage", payload)

    def image(self, prompt: str) -> dict:
        return self._post("/content/image/createbyprompt", {"prompt": prompt, "scale": "1:1"})
