import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def poll(kind, model_id):
    r = requests.get(
        f"{BASE}/content/{kind}/infobymodelid", params={f"{kind}_model_id": model_id}, headers=H
    )
    return r.json()["data"]


def info(model_id):
    qs = f"?video_model_id={model_id}"
    return requests.get(f"{BASE}/content/video/infobymodelid{qs}", headers=H).json()["data"]
