import os
from typing import Optional

import requests
from pydantic import BaseModel


class TalkBody(BaseModel):
    talking_photo_url: str
    audio_url: str
    prompt: Optional[str] = None


def talk(body: TalkBody) -> str:
    r = requests.post(
        "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
        json=body.model_dump(exclude_none=True),
        headers={"x-api-key": os.environ["AKOOL_API_KEY"]},
        timeout=30,
    )
    return r.json()["data"]["_id"]
