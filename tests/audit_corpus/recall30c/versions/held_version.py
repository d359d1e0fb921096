import os

import requests

HOST = "https://openapi.akool.com"
API_VERSION = "v3"
KEY = os.environ["AKOOL_API_KEY"]


def make_video(photo: str, audio: str) -> str:
    url = f"{HOST}/api/open/{API_VERSION}/content/video/createbytalkingphoto"
    body = {"talking_photo_url": photo, "audio_url": audio, "resolution": "1080P"}
    return requests.post(url, json=body, headers={"x-api-key": KEY}).json()["data"]["_id"]


def video_state(video_id: str) -> int:
    r = requests.get(f"{HOST}/api/open/{API_VERSION}/content/video/detail", params={"id": video_id})
    return r.json()["data"]["video_status"]
