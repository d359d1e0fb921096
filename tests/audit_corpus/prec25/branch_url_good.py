import requests

BASE = "https://openapi.akool.com/api/open/v3"


def status(key, kind, i):
    if kind == "video":
        url = f"{BASE}/content/video/infobymodelid?video_model_id={i}"
    elif kind == "image":
        url = f"{BASE}/content/image/infobymodelid?image_model_id={i}"
    else:
        raise ValueError(kind)
    j = requests.get(url, headers={"x-api-key": key}).json()
    if kind == "video":
        return j["data"]["video_status"]
    return j["data"]["image_status"]


def image_only(key, i):
    url = f"{BASE}/content/image/infobymodelid?image_model_id={i}"
    j = requests.get(url, headers={"x-api-key": key}).json()
    return j["data"]["image_status"]
