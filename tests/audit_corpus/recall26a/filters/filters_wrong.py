import time

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": "k"}
DONE_STATES = {2, 3}


def finished_swaps(ids):
    j = requests.get(f"{BASE}/faceswap/result/listbyids", params={"_ids": ",".join(ids)}, headers=H).json()
    return [r["url"] for r in j["data"]["result"] if r["faceswap_status"] == 2]


def image_if_done(model_id):
    d = requests.get(f"{BASE}/content/image/infobymodelid", params={"image_model_id": model_id}, headers=H).json()["data"]
    if d["image_status"] in DONE_STATES:
        return d["image"]
    return None
