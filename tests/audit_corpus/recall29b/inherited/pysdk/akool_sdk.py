from enum import Enum

from .http_base import BaseClient


class Resolution(str, Enum):
    HD = "720"
    FULL_HD = "1080"


class AkoolClient(BaseClient):
    base_url = "https://openapi.akool.com/api/open/v3"

    def talking_photo(self, photo: str, audio: str, res: Resolution = Resolution.HD) -> str:
        j = self._post("/content/video/createbytalkingphoto",
                       {"talking_photo_url": photo, "audio_url": audio, "resolution": res.value})
        return j["data"]["_id"]

    def lipsync(self, video: str, audio: str) -> str:
        j = self._post("/content/video/lipsync", {"video_url": video, "audio": audio})
        return j["data"]["_id"]

    def video(self, vid: str) -> dict:
        return self._get("/content/video/infobymodelidx", video_model_id=vid)["data"]

    def image(self, iid: str) -> dict:
        return self._get("/content/image/infobymodelid", image_id=iid)["data"]
