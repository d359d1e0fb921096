import time
import requests

API = "https://openapi.akool.com/api/open/v3"
QUEUED, PROCESSING, DONE, FAILED = 1, 2, 3, 4


def wait_video(video_id):
    while True:
        d = requests.get(API + "/content/video/infobymodelid", params={"video_model_id": video_id}).json()["data"]
        if d["video_status"] == DONE:
            return d["video"]
        if d["video_status"] == FAILED:
            raise RuntimeError("failed")
        time.sleep(5)
