from typing import TypedDict, cast
import requests


class VideoData(TypedDict):
    _id: str
    status: int


class VideoInfo(TypedDict):
    code: int
    data: VideoData


def info(vid: str) -> VideoInfo:
    r = requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", params={"video_model_id": vid})
    return cast(VideoInfo, r.json())
