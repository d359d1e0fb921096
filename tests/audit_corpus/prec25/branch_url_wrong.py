import requests

BASE = "https://openapi.akool.com/api/open/v3"
VIDEO_INFO = f"{BASE}/content/video/infobymodelid"
IMAGE_INFO = f"{BASE}/content/image/infobymodelid"


def status(key, kind, i):
    if kind == "video":
        url = VIDEO_INFO
    else:
        url = IMAGE_INFO
    j = requests.get(url, params={f"{kind}_model_id": i}, headers={"x-api-key": key}).json()
    return j["data"]["status"]  # wrong for both answers: reported, no fix


def status3(key, kind, i):
    url = IMAGE_INFO if kind == "image" else VIDEO_INFO
    r = requests.get(url, params={f"{kind}_model_id": i}, headers={"x-api-key": key})
    return r.json()["data"]["status"]  # the same through a ternary
