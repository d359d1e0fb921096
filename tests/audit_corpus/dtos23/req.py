import requests
from pydantic import BaseModel, Field
class TalkReq(BaseModel):
    talking_photo_url: str
    audio_url: str
    hook: str | None = Field(default=None, serialization_alias="webhook_url")
def create(r: TalkReq):
    return requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", json=r.model_dump(by_alias=True))
