import os

import requests

BASE = "https://openapi.akool.com/api/open/v3"
H = {"x-api-key": os.environ["AKOOL_API_KEY"]}

STATUS_TEXT = {0: "unknown", 1: "queued", 2: "rendering", 3: "done", 4: "failed"}


def describe(vid: str) -> str:
    d = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}, headers=H).json()["data"]
    st = d.get("video_status") or 0
    if st == 0:
        return "no status yet"
    return STATUS_TEXT[d["video_status"]]
