"""A client whose wrappers share one URL builder, and a method given as an argument."""
import requests


class Akool:
    BASE = "https://openapi.akool.com/api/open/v3"

    def __init__(self, key: str) -> None:
        self.headers = {"x-api-key": key}

    def _url(self, path: str) -> str:
        return f"{self.BASE}{path}"

    def _request(self, method: str, path: str, **kwargs):
        return requests.request(method, self._url(path), headers=self.headers, **kwargs).json()

    def _post(self, path: str, body: dict):
        return requests.post(self._url(path), json=body, headers=self.headers).json()

    def talk(self, photo: str, audio: str):
        return self._post(
            "/content/video/createbytalkingphoto",
            {"talking_photo_url": photo, "audio_url": audio, "resolution": "4k"},
        )

    def info(self, vid: str):
        return self._request("POST", "/content/video/infobymodelid", params={"video_model_id": vid})

    def image_info(self, iid: str):
        return self._request("GET", "/content/image/infobymodelid", params={"image_model_id": iid})
