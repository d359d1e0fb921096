"""An AKOOL client whose endpoints are constants handed to one request helper."""
import requests

TALKING_PHOTO = "/content/video/createbytalkingphoto"
VIDEO_INFO = "/content/video/infobymodelid"
PHOTO_TALK = "/photo/talking"
KNOWLEDGE_DELETE = "/knowledge/delete"


class Akool:
    BASE = "https://openapi.akool.com/api/open/v3"
    KNOWLEDGE = "https://openapi.akool.com/api/open/v4"

    def __init__(self, key):
        self.session = requests.Session()
        self.session.headers["x-api-key"] = key

    def _post(self, path, payload):
        return self.session.post(self.BASE + path, json=payload).json()

    def _kb(self, path, payload):
        return self.session.post(f"{self.KNOWLEDGE}{path}", json=payload).json()

    def talk(self, photo, audio):
        return self._post(TALKING_PHOTO, {"talking_photo_url": photo, "audio_url": audio, "resolution": "4k"})

    def info(self, vid):
        return self._post(VIDEO_INFO, {"video_model_id": vid})

    def guess(self, photo):
        return self._post(PHOTO_TALK, {"image_url": photo})

    def forget(self, kb_id):
        return self._kb(KNOWLEDGE_DELETE, {"id": kb_id})
