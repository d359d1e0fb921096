import time

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": "k"}
FINISHED_STATES = {3, 4}
DONE = (3, 4)
WAITING = [1, 2]


def finished_swaps(ids):
    j = requests.get(f"{BASE}/faceswap/result/listbyids", params={"_ids": ",".join(ids)}, headers=H).json()
    return [r["url"] for r in j["data"]["result"] if r["faceswap_status"] == 3]


def image_when_done(model_id):
    while True:
        d = requests.get(f"{BASE}/content/image/infobymodelid", params={"image_model_id": model_id}, headers=H).json()["data"]
        if d["image_status"] in WAITING:
            time.sleep(5)
            continue
        if d["image_status"] in FINISHED_STATES:
            return d["image"]
        if d["image_status"] in DONE:
            return d["image"]
