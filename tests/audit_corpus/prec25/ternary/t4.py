import requests
BASE = "https://openapi.akool.com/api/open/v3"
def f(vid):
    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()
    return j["data"]["video"] if j["data"]["video_status"] == 2 else None
def g(vid):
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()["data"]
    url = d["video"] if d["video_status"] == 2 else ""
    return url
