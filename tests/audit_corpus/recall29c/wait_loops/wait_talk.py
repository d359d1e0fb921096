import os
import time

import requests

API = "https://openapi.akool.com/api/open/v3"
HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def wait_for_video(video_id: str) -> str:
    state = 1
    while state != 2:
        time.sleep(10)
        info = requests.get(f"{API}/content/video/infobymodelid", headers=HEADERS, params={"video_model_id": video_id}).json()
        state = info["data"]["video_status"]
    return info["data"]["video"]


def wait_right(video_id: str) -> str:
    params = {"video_model_id": video_id}
    data = requests.get(f"{API}/content/video/infobymodelid", headers=HEADERS, params=params).json()["data"]
    while data["video_status"] != 3:
        if data["video_status"] == 4:
            raise RuntimeError("render failed")
        time.sleep(15)
        data = requests.get(f"{API}/content/video/infobymodelid", headers=HEADERS, params=params).json()["data"]
    return data["video"]
