import requests
from pydantic import BaseModel

BASE = "https://openapi.akool.com/api/open/v3"


class TalkReq(BaseModel):
    talking_photo_url: str
    audio_url: str


class TalkData(BaseModel):
    _id: str
    vstatus: int
    video: str = ""


class TalkResp(BaseModel):
    code: int
    msg: str
    data: TalkData


def create(params: dict) -> TalkResp:
    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json=TalkReq(**params).model_dump(), headers={"x-api-key": "k"})
    return TalkResp.model_validate(r.json())
