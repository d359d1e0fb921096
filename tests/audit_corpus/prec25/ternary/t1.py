import requests
BASE = "https://openapi.akool.com/api/open/v3"
def f(vid):
    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()
    d = j["data"]
    return d["video"] if d["video_status"] == 2 else None
