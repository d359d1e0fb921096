import requests
from pydantic import BaseModel, Field

BASE = "https://openapi.akool.com/api/open/v3"


class VideoData(BaseModel):
    id: str = Field(alias="_id")
    status: int = Field(alias="video_status")
    url: str | None = Field(default=None, alias="video")


class VideoInfo(BaseModel):
    code: int
    data: VideoData


def info(vid: str) -> VideoInfo:
    r = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}, headers={"x-api-key": "k"})
    parsed = VideoInfo.model_validate(r.json())
    print(parsed.data.status, parsed.data.url, parsed.data.id)
    return parsed
