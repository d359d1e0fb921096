from typing import Literal, Optional

import requests

Resolution = Literal["720", "1080", "4k"]


class TalkingPhoto:
    BASE = "https://openapi.akool.com/api/open/v3"

    def __init__(self, api_key: str):
        self.s = requests.Session()
        self.s.headers.update({"x-api-key": api_key})

    def create(self, photo: str, audio: str, resolution: Resolution = "720", webhook: Optional[str] = None) -> str:
        body = {"talking_photo_url": photo, "audio_url": audio, "resolution": resolution}
        if webhook:
            body["webhookUrl"] = webhook
        return self.s.post(f"{self.BASE}/content/video/createbytalkingphoto", json=body).json()["data"]["_id"]
