import requests
BASE = "https://openapi.akool.com/api/open/v3"


def info(vid, events):
    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()
    msgs = [j["message"] for j in events]
    try:
        save(j["data"]["video"])
    except Exception as j:
        print(j.args)
    return j["data"]["video_status"] if isinstance(j, dict) else msgs


def save(x):
    pass
