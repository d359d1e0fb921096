import requests

BASE = "https://openapi.akool.com/api/open/v3"


def video_if_ready(vid):
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()["data"]
    ok = d["video_status"] == 2
    return d["video"] if ok else None
