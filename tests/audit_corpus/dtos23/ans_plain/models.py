import requests
from pydantic import BaseModel

BASE = "https://openapi.akool.com/api/open/v3"


class VideoData(BaseModel):
    _id: str
    status: int
    video: str | None = None


class VideoInfo(BaseModel):
    code: int
    data: VideoData


def info(vid: str) -> VideoInfo:
    r = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}, headers={"x-api-key": "k"})
    parsed = VideoInfo.model_validate(r.json())
    print(parsed.data.status, parsed.data.video)
    return parsed
