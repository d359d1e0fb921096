import os
import time

import requests

API = "https://openapi.akool.com/api/open/v3"


def wait(video_id: str) -> str:
    while True:
        d = requests.get(f"{API}/content/video/infobymodelid", params={"video_model_id": video_id},
                         headers={"x-api-key": os.environ["AKOOL_API_KEY"]}).json()["data"]
        if d["video_status"] in (3, 4):
            return d["video"]
        if d["video_status"] in (2, 3):
            return d["video"]
        time.sleep(5)
