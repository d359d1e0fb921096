import requests
BASE = "https://openapi.akool.com/api/open/v3"
def status(vid):
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()["data"]
    st = d.get("video_status") or 0
    if st == 0:
        return None
    return st
