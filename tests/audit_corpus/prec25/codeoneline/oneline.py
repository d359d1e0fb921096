import requests
BASE = "https://openapi.akool.com/api/open/v3"


def video(vid):
    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()
    if j["code"] != 0:
        raise RuntimeError(j["msg"])
    return j["data"]


def image(iid):
    j = requests.get(f"{BASE}/content/image/infobymodelid", params={"image_model_id": iid}).json()
    if j.get("code") != 0:
        raise RuntimeError(j["msg"])
    return j["data"]
