from typing import Optional

import httpx
from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class LipsyncReq(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)
    video_url: str = Field(alias="video_url")
    audio_url: str = Field(alias="audio_url")
    webhook_url: Optional[str] = None


def create(req: LipsyncReq, key: str) -> str:
    r = httpx.post("https://openapi.akool.com/api/open/v3/content/video/lipsync",
                   json=req.model_dump(by_alias=True), headers={"x-api-key": key})
    return r.json()["data"]["_id"]
