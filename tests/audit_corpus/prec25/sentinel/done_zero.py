import requests

BASE = "https://openapi.akool.com/api/open/v3"
STATUS_DONE = 0


def ready(vid):
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()["data"]
    if d["video_status"] == STATUS_DONE:
        return d["video"]
    return None
